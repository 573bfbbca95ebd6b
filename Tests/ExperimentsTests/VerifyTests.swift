import Foundation
@testable import RunProvenance
@testable import Analysis
@testable import Config
@testable import Experiments
import Testing

/// A small real run and goldens blessed from it, in a temporary folder.
private struct Fixture {
    let folder: URL
    let run: URL
    let golden: URL

    init() throws {
        folder = temporaryFolder("verify")
        let config = try AdHocBacktest.config(strategy: "sma-crossover", files: ["data/sample/ETHUSD-1h.csv"], symbols: [],
                                              from: "2023-01-01", to: "2023-06-30", overrides: ["params.fast=10", "params.slow=30"])
        var runner = ExperimentRunner(root: repositoryRoot, artifacts: folder.appendingPathComponent("artifacts"))
        runner.toolchain = Toolchain(swift: "test", source: "test", compiledWith: "test")
        run = URL(fileURLWithPath: try runner.run(SMACrossover.self, config: config).runDirectory)
        golden = folder.appendingPathComponent("golden/backtest-sma-crossover")
        try Goldens.write(run: run, golden: golden)
    }

    /// A copy of the run with `file` rewritten by `edit` and its manifest entry updated,
    /// as a run that really produced those bytes would have it.
    func perturbed(_ file: String, _ edit: (String) -> String) throws -> URL {
        let copy = folder.appendingPathComponent("perturbed-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: run, to: copy)
        let url = copy.appendingPathComponent(file)
        let text = edit(try String(contentsOf: url, encoding: .utf8))
        try text.write(to: url, atomically: true, encoding: .utf8)
        let manifestURL = copy.appendingPathComponent("manifest.json")
        var manifest = try #require(try Manifest.read(in: copy, label: "copy"))
        manifest.files[file] = RunDirectory.sha256(Data(text.utf8))
        try CanonicalValue.map(["algorithm": .string("sha256"), "files": .map(manifest.files.mapValues { .string($0) })]).json()
            .write(to: manifestURL, atomically: true, encoding: .utf8)
        return copy
    }

    func verify(_ run: URL, _ tolerances: ToleranceSet = ToleranceSet()) throws -> VerifyReport {
        try GoldenVerifier.verify(run: run, golden: golden, tolerances: tolerances, labels: (run: "run", golden: "golden/x"))
    }

    func rows(_ file: String) throws -> [[String]] {
        try String(contentsOf: run.appendingPathComponent(file), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

private func replacingLine(_ n: Int, in text: String, with edit: (String) -> String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines[n - 1] = edit(lines[n - 1])
    return lines.joined(separator: "\n")
}

/// Bless then verify is an exact pass, and so is a second run of the same config.
@Test func blessThenVerifyIsExact() throws {
    let f = try Fixture()
    defer { f.remove() }
    let report = try f.verify(f.run)
    #expect(report.status == .success)
    #expect(report.files.map(\.name) == ["breakdowns.json", "config.yaml", "equity.csv", "fills.csv", "metrics.json", "rejections.csv", "risk_events.csv", "trades.csv"])
    #expect(report.files.allSatisfy { $0.status == .identical })
    #expect(FileManager.default.fileExists(atPath: f.golden.appendingPathComponent("provenance.json").path))
}

/// The last digit of one exit price: beyond the default tolerance it fails, naming the
/// file, the trade, the column and both values; with a looser tolerance it passes and
/// reports the largest deviation.
@Test func lastDigitOfOnePrice() throws {
    let f = try Fixture()
    defer { f.remove() }
    let trade = try f.rows("trades.csv")[3]  // trade 3, line 4
    let price = trade[7], changed = String(price.dropLast()) + (price.last == "9" ? "8" : "9")
    let run = try f.perturbed("trades.csv") { replacingLine(4, in: $0) { $0.replacingOccurrences(of: "," + price + ",", with: "," + changed + ",") } }
    let delta = abs(Double(changed)! - Double(price)!)

    let strict = try f.verify(run)
    #expect(strict.status == .mismatch)
    let verdict = try #require(strict.files.first { $0.name == "trades.csv" })
    #expect(verdict.status == .mismatch)
    #expect(verdict.details[0] == "first divergence: trade_id 3 (symbol ETHUSD, entry_time \(trade[4])), line 4: exit_price expected \(price), got \(changed) "
        + "(|Δ| \(NumberFormat.short(delta)), rel \(NumberFormat.short(delta / Double(price)!)); tolerance abs 1e-09 + rel 1e-09)")
    #expect(verdict.details[1] == "1 of \(try f.rows("trades.csv").count - 1) rows differ beyond tolerance")
    #expect(strict.files.filter { $0.status != .identical }.map(\.name) == ["trades.csv"])
    #expect(strict.summary == "FAIL: trades.csv differ from the goldens")

    var loose = ToleranceSet()
    loose.files["trades.csv"] = .init(fields: ["exit_price": .init(abs: 0.1)])
    let tolerant = try f.verify(run, loose)
    #expect(tolerant.status == .withinTolerance)
    let pass = try #require(tolerant.files.first { $0.name == "trades.csv" })
    #expect(pass.details == ["largest deviation in exit_price: |Δ| \(NumberFormat.short(delta)) (rel \(NumberFormat.short(delta / Double(price)!))) "
        + "at trade_id 3 (symbol ETHUSD, entry_time \(trade[4]))"])
}

/// A removed trade is named as missing (not as every later row shifting), and counted.
@Test func removedTrade() throws {
    let f = try Fixture()
    defer { f.remove() }
    let rows = try f.rows("trades.csv")
    let run = try f.perturbed("trades.csv") { text in
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().filter { $0.offset != 5 }.map { String($0.element) }.joined(separator: "\n")
    }
    let verdict = try #require(try f.verify(run).files.first { $0.name == "trades.csv" })
    #expect(verdict.status == .mismatch)
    #expect(verdict.details[0] == "first divergence: missing from the run: trade_id 5 (symbol ETHUSD, entry_time \(rows[5][4])) (golden line 6)")
    #expect(verdict.details[1] == "0 of \(rows.count - 1) rows differ beyond tolerance, 1 missing")
}

/// Two rows swapped: same values, wrong canonical order, a mismatch.
@Test func reorderedRows() throws {
    let f = try Fixture()
    defer { f.remove() }
    let rows = try f.rows("fills.csv")
    let run = try f.perturbed("fills.csv") { text in
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.swapAt(2, 3)
        return lines.joined(separator: "\n")
    }
    let verdict = try #require(try f.verify(run).files.first { $0.name == "fills.csv" })
    #expect(verdict.status == .mismatch)
    #expect(verdict.details[0] == "first divergence: row order: fill_id 2, order_id 2 (time \(rows[2][2]), symbol ETHUSD, side \(rows[2][4])) (run line 4) "
        + "comes after fill_id 3, order_id 3 (time \(rows[3][2]), symbol ETHUSD, side \(rows[3][4])), which it preceded in the goldens")
}

/// A metric moved inside its tolerance passes; outside it fails, naming the metric.
@Test func changedMetric() throws {
    let f = try Fixture()
    defer { f.remove() }
    let metrics = try FlatDocument(json: Data(contentsOf: f.run.appendingPathComponent("metrics.json")), name: "m").leaves
    guard case .number(let sharpe)? = metrics["metrics.sharpe"] else { Issue.record("no sharpe"); return }
    func withSharpe(_ value: Double) throws -> URL {
        try f.perturbed("metrics.json") { $0.replacingOccurrences(of: "\"sharpe\": \(CanonicalValue.format(sharpe))", with: "\"sharpe\": \(CanonicalValue.format(value))") }
    }
    let inside = try f.verify(try withSharpe(sharpe * (1 + 1e-12)))
    #expect(inside.status == .withinTolerance)

    let outside = try f.verify(try withSharpe(sharpe + 0.01))
    #expect(outside.status == .mismatch)
    let verdict = try #require(outside.files.first { $0.name == "metrics.json" })
    #expect(verdict.details == ["metrics.sharpe: expected \(CanonicalValue.format(sharpe)), got \(CanonicalValue.format(sharpe + 0.01)) "
        + "(|Δ| \(NumberFormat.short(abs(0.01))), rel \(NumberFormat.short(0.01 / abs(sharpe))); tolerance abs 1e-09 + rel 1e-09)"])

    var loose = ToleranceSet()
    loose.files["metrics.json"] = .init(fields: ["sharpe": .init(abs: 0.02)])
    #expect(try f.verify(try withSharpe(sharpe + 0.01), loose).status == .withinTolerance)
}

/// A trade added by the run and a changed config are both mismatches.
@Test func addedTradeAndChangedConfig() throws {
    let f = try Fixture()
    defer { f.remove() }
    let rows = try f.rows("trades.csv")
    let extra = try f.perturbed("trades.csv") { $0 + rows[1].enumerated().map { $0.offset == 4 ? "2023-06-30T00:00:00Z" : $0.element }.joined(separator: ",") + "\n" }
    let verdict = try #require(try f.verify(extra).files.first { $0.name == "trades.csv" })
    #expect(verdict.details[0] == "first divergence: added by the run: trade_id 1 (symbol ETHUSD, entry_time 2023-06-30T00:00:00Z) (run line \(rows.count + 1))")

    let config = try f.perturbed("config.yaml") { $0.replacingOccurrences(of: "fast: 10", with: "fast: 11") }
    let c = try #require(try f.verify(config).files.first { $0.name == "config.yaml" })
    #expect(c.status == .mismatch)
    #expect(c.details == ["params.fast: expected 10, got 11"])
}

/// Broken goldens and incomplete runs are errors with their own exit status, never a pass.
@Test func brokenGoldensAndRuns() throws {
    let f = try Fixture()
    defer { f.remove() }
    let fm = FileManager.default
    try "edited\n".write(to: f.golden.appendingPathComponent("trades.csv"), atomically: true, encoding: .utf8)
    let corrupt = #expect(throws: ArtifactError.self) { try f.verify(f.run) }
    #expect(corrupt?.exitStatus == .goldenCorrupt)
    #expect(corrupt?.description.hasPrefix("golden/x/trades.csv does not match its manifest (SHA-256 ") == true)
    #expect(corrupt?.description.hasSuffix("): it was edited or damaged after blessing; restore it with `git checkout -- golden/x` or bless again") == true)

    try fm.removeItem(at: f.golden.appendingPathComponent("trades.csv"))
    let missing = #expect(throws: ArtifactError.self) { try f.verify(f.run) }
    #expect(missing == .goldenMissing("golden/x/trades.csv is listed in its manifest but missing; restore it with `git checkout -- golden/x` or bless again"))

    try "{not json".write(to: f.golden.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
    let badManifest = #expect(throws: ArtifactError.self) { try f.verify(f.run) }
    #expect(badManifest == .goldenCorrupt("golden/x/manifest.json is not valid JSON; restore it with `git checkout -- golden/x` or bless again"))

    let none = #expect(throws: ArtifactError.self) {
        try GoldenVerifier.verify(run: f.run, golden: f.folder.appendingPathComponent("golden/none"), tolerances: ToleranceSet(), labels: (run: "run", golden: "golden/none"))
    }
    #expect(none == .goldenMissing("no goldens at golden/none; create them with `quantbt bless experiments/none`"))
    #expect(none?.exitStatus == .goldenMissing)

    try Goldens.write(run: f.run, golden: f.golden)
    try fm.removeItem(at: f.run.appendingPathComponent("provenance.json"))
    let noProvenance = #expect(throws: ArtifactError.self) { try f.verify(f.run) }
    #expect(noProvenance == .runIncomplete("run has no provenance.json: it was made by an older QuantBT or copied without it; run the experiment again"))
    #expect(noProvenance?.exitStatus == .runIncomplete)
}

/// Tolerance arithmetic: |a − e| ≤ abs + rel·|e|, with levels inheriting what they leave out.
@Test func toleranceRules() {
    let t = Tolerance(abs: 0.01, rel: 0.001)
    #expect(t.accepts(expected: 100, actual: 100.11))       // 0.11 ≤ 0.01 + 0.1
    #expect(!t.accepts(expected: 100, actual: 100.111))
    #expect(t.accepts(expected: .nan, actual: .nan))
    #expect(!t.accepts(expected: .infinity, actual: 1e308))
    var set = ToleranceSet()
    set.base = .init(rel: 1e-6)
    set.files["equity.csv"] = .init(level: .init(abs: 0.5), fields: ["cash": .init(rel: 0)])
    #expect(set.tolerance(file: "trades.csv", field: "pnl") == Tolerance(abs: 1e-9, rel: 1e-6))
    #expect(set.tolerance(file: "equity.csv", field: "equity") == Tolerance(abs: 0.5, rel: 1e-6))
    #expect(set.tolerance(file: "equity.csv", field: "cash") == Tolerance(abs: 0.5, rel: 0))
}

/// The tolerances section is checked like every other: unknown files, columns and metrics.
@Test func toleranceConfigErrors() throws {
    func read(_ yaml: String) throws -> ToleranceSet {
        try ExperimentConfig.read(ConfigNode.parse(yaml: "data: {files: [a.csv]}\n" + yaml, file: "x.yaml"), defaultName: "x", defaultStrategy: "s").tolerances
    }
    let set = try read("tolerances:\n  default: {rel: 1e-6}\n  metrics.json: {metrics: {sharpe: {abs: 0.001}}}\n")
    #expect(set.tolerance(file: "metrics.json", field: "metrics.sharpe") == Tolerance(abs: 0.001, rel: 1e-6))
    #expect(errorText { _ = try read("tolerances:\n  trades.csv: {columns: {pnll: {abs: 1}}}\n") }
        == "x.yaml:3: tolerances.trades.csv.columns.pnll: no column named 'pnll' (did you mean 'pnl'?); known: trade_id, symbol, direction, quantity, entry_time, entry_price, exit_time, exit_price, commission, pnl, return, bars, tag")
    #expect(errorText { _ = try read("tolerances:\n  trade.csv: {abs: 1}\n") }
        == "x.yaml:3: tolerances.trade.csv: unknown key (did you mean 'trades.csv'?); known keys under tolerances: default, trades.csv, fills.csv, equity.csv, rejections.csv, risk_events.csv, metrics.json, breakdowns.json")
    #expect(errorText { _ = try read("tolerances:\n  default: {abs: -1}\n") }
        == "x.yaml:3: tolerances.default.abs: -1 is out of range; use a value from 0.0 to 1.7976931348623157e+308")
}
