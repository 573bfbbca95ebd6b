import Analysis
import Foundation

extension RunDiff {
    /// Reads both runs' config, provenance, metrics, trades and equity and compares them (a
    /// validation run's: its baseline's).
    public static func compute(_ a: LocatedRun, _ b: LocatedRun, tolerances: ToleranceSet = ToleranceSet(),
                               allowDifferentExperiments: Bool = false) throws -> RunDiff {
        if a.experiment != b.experiment && !allowDifferentExperiments {
            throw ArtifactError.differentExperiments("\(a.label) is a run of '\(a.experiment)' but \(b.label) is a run of '\(b.experiment)'; "
                + "diff compares runs of one experiment (pass --any-experiment to compare them anyway)")
        }
        func flat(_ run: LocatedRun, _ name: String, json: Bool) throws -> FlatDocument {
            try ArtifactComparer.flat(run.url.appendingPathComponent(name), name: "\(run.label)/\(name)", json: json)
        }
        let config = DocumentComparison(file: "config.yaml", expected: try flat(a, "config.yaml", json: false),
                                        actual: try flat(b, "config.yaml", json: false), tolerance: nil)
        let relevant = { (doc: FlatDocument) in
            FlatDocument(leaves: doc.leaves.filter { leaf in provenanceFields.contains { leaf.key == $0 || leaf.key.hasPrefix($0 + ".") || leaf.key.hasPrefix($0 + "[") } })
        }
        let provenance = DocumentComparison(file: "provenance.json", expected: relevant(try flat(a, "provenance.json", json: true)),
                                            actual: relevant(try flat(b, "provenance.json", json: true)), tolerance: nil)
        // A plain run's own files; a validation's baseline (the whole period); a sweep or
        // walk-forward has neither (only config and provenance are compared).
        func main(_ run: LocatedRun) -> String? {
            ["", "baseline/"].first { FileManager.default.fileExists(atPath: run.url.appendingPathComponent($0 + "metrics.json").path) }
        }
        let (pa, pb) = (main(a), main(b))
        var metrics: [MetricRow] = []
        if let pa, let pb {
            let ma = try flat(a, pa + "metrics.json", json: true), mb = try flat(b, pb + "metrics.json", json: true)
            let names = Set(ma.leaves.keys).union(mb.leaves.keys).filter { $0.hasPrefix("metrics.") }.sorted()
            metrics = names.map { MetricRow(name: String($0.dropFirst("metrics.".count)), a: ma.leaves[$0], b: mb.leaves[$0]) }
        }

        func table(_ run: LocatedRun, _ name: String) throws -> CSVTable? {
            guard let prefix = main(run) else { return nil }
            let url = run.url.appendingPathComponent(prefix + name)
            return FileManager.default.fileExists(atPath: url.path) ? try CSVTable(url: url, name: "\(run.label)/\(name)") : nil
        }
        var trades: TableComparison?
        if let ta = try table(a, "trades.csv"), let tb = try table(b, "trades.csv") {
            trades = TableComparison(expected: ta, actual: tb, schema: .trades, tolerance: { tolerances.tolerance(file: "trades.csv", field: $0) })
        }
        var equity: EquityGap?
        if let ea = try table(a, "equity.csv"), let eb = try table(b, "equity.csv") {
            equity = EquityGap(a: ea, b: eb, tolerance: tolerances.tolerance(file: "equity.csv", field: "equity"))
        }
        return RunDiff(a: a, b: b, config: config, provenance: provenance, metrics: metrics, trades: trades, equity: equity)
    }
}
