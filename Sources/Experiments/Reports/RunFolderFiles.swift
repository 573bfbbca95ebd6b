import Analysis
import Foundation
import Model
import Reports

/// A run folder's files read back as the inputs of its report, with errors that name the
/// folder and the file.
struct RunFolderFiles {
    var folder: URL
    var label: String

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) }

    func document(_ name: String) throws -> CanonicalValue {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
            throw ArtifactError.runIncomplete("\(label) has no \(name): it is not a finished run folder")
        }
        guard let value = CanonicalValue(json: data) else { throw ArtifactError.unreadable("\(label)/\(name): not valid JSON") }
        return value
    }

    func table(_ name: String) throws -> CSVTable {
        try CSVTable(url: folder.appendingPathComponent(name), name: "\(label)/\(name)")
    }

    /// A plain run's tearsheet input (`prefix`: a scenario's folder in a validation run);
    /// nil when the folder has no breakdowns.json.
    func tearsheetInput(experiment: String, runID: String, provenance: CanonicalValue?, prefix: String = "") throws -> TearsheetInput? {
        guard exists(prefix + "breakdowns.json") else { return nil }
        let metrics = try document(prefix + "metrics.json"), breakdowns = try document(prefix + "breakdowns.json")
        let trades = try table(prefix + "trades.csv")
        guard let r = trades.column("return"), let b = trades.column("bars") else {
            throw ArtifactError.unreadable("\(label)/\(prefix)trades.csv: no `return` or `bars` column; it is not a QuantBT trades file")
        }
        return TearsheetInput(experiment: experiment, runID: runID, metrics: metrics, breakdowns: breakdowns,
                              tradeReturns: trades.rows.map { Double($0[r]) ?? 0 }, tradeBars: trades.rows.map { Int($0[b]) ?? 0 },
                              provenance: provenance)
    }

    /// sweep.json and results.csv (`prefix`: sweep/ in a validation run).
    func sweep(experiment: String, prefix: String = "") throws -> SweepOutcome {
        do {
            return try SweepOutcome.read(experiment: experiment, document: try document(prefix + "sweep.json"), results: try table(prefix + "results.csv"))
        } catch ArtifactError.unreadable(let why) {
            throw ArtifactError.unreadable("\(label)/\(prefix)\(why)")
        }
    }

    /// walk_forward.json and oos_equity.csv (`prefix`: walk-forward/ in a validation run).
    func walkForwardPage(experiment: String, runID: String, prefix: String = "") throws -> WalkForwardPageInput {
        let equity = try table(prefix + "oos_equity.csv")
        guard let t = equity.column("timestamp"), let e = equity.column("equity") else {
            throw ArtifactError.unreadable("\(label)/\(prefix)oos_equity.csv: no `timestamp` or `equity` column")
        }
        let stitched = try equity.rows.enumerated().map { i, row -> (Int64, Double) in
            guard let time = Timestamp.parse(row[t]), let value = Double(row[e]) else {
                throw ArtifactError.unreadable("\(label)/\(prefix)oos_equity.csv:\(equity.lines[i]): not a timestamp and a number")
            }
            return (time.milliseconds, value)
        }
        return WalkForwardPageInput(experiment: experiment, runID: runID, document: try document(prefix + "walk_forward.json"), stitched: stitched)
    }

    /// validation.json, each scenario's breakdowns.json, the baseline's tearsheet files and
    /// the sweep and walk-forward folders.
    func validationPage(experiment: String, runID: String, provenance: CanonicalValue?) throws -> ValidationPageInput {
        let validation = try document("validation.json")
        guard let scenarios = validation["scenarios"]?.items, !scenarios.isEmpty else {
            throw ArtifactError.runIncomplete("\(label)/validation.json lists no scenarios: it was recorded before validation reports were "
                + "built from files; run `quantbt validate` again (or bless it again, for a golden folder)")
        }
        var breakdowns: [String: CanonicalValue] = [:]
        var baseline: TearsheetInput?
        for s in scenarios {
            guard let name = s["name"]?.string, let folder = s["folder"]?.string, s["ran"] == .bool(true) else { continue }
            if exists(folder + "breakdowns.json") { breakdowns[name] = try document(folder + "breakdowns.json") }
            if s["kind"]?.string == "baseline" {
                baseline = try tearsheetInput(experiment: experiment, runID: runID, provenance: provenance, prefix: folder)
            }
        }
        let holdout = scenarios.contains { $0["kind"]?.string == "split" && $0["name"]?.string == "holdout" }
        return ValidationPageInput(
            experiment: experiment, runID: runID, validation: validation,
            holdoutEvaluations: holdout ? provenance?["holdout_evaluations"]?.double.map { Int($0) } ?? 0 : nil,
            breakdowns: breakdowns, baseline: baseline,
            sweep: exists("sweep/sweep.json") ? try sweep(experiment: experiment, prefix: "sweep/") : nil,
            walkForward: exists("walk-forward/walk_forward.json") ? try walkForwardPage(experiment: experiment, runID: runID, prefix: "walk-forward/") : nil)
    }
}
