import Foundation
@testable import RunProvenance
import Analysis
@testable import Analysis
@testable import Experiments
import Testing

private func run(_ overrides: [String], in out: URL, name: String = "backtest-sma-crossover") throws -> URL {
    let config = try AdHocBacktest.config(strategy: "sma-crossover", files: ["data/sample/ETHUSD-1h.csv"], symbols: [], from: nil,
                                          to: "2023-06-30", overrides: ["name=\(name)"] + overrides)
    var runner = ExperimentRunner(root: repositoryRoot, artifacts: out)
    runner.toolchain = Toolchain(swift: "test", source: "test", compiledWith: "test")
    return URL(fileURLWithPath: try runner.run(SMACrossover.self, config: config).runDirectory)
}

private func trades(_ folder: URL) throws -> [[String]] {
    try String(contentsOf: folder.appendingPathComponent("trades.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
        .map { $0.split(separator: ",").map(String.init) }
}

/// Two runs with different parameters: the config change, the config hash, every metric
/// side by side, and trades added, removed and changed, consistent with the trade files.
@Test func diffOfTwoParameterSettings() throws {
    let out = temporaryFolder("diff")
    defer { try? FileManager.default.removeItem(at: out) }
    let a = try run(["params.fast=10", "params.slow=30"], in: out)
    let b = try run(["params.fast=12", "params.slow=30"], in: out)
    let diff = try RunDiff.compute(try LocatedRun.locate(a.path, root: repositoryRoot), try LocatedRun.locate(b.path, root: repositoryRoot))

    #expect(diff.config.changes.map(\.text) == ["params.fast: expected 10, got 12"])
    #expect(diff.provenance.changes.map(\.path) == ["config.sha256"])

    let ta = try trades(a), tb = try trades(b)
    let keysA = Set(ta.map { "\($0[1]) \($0[4])" }), keysB = Set(tb.map { "\($0[1]) \($0[4])" })
    let t = try #require(diff.trades)
    #expect(t.expectedRows == ta.count && t.actualRows == tb.count)
    #expect(t.added.count == keysB.subtracting(keysA).count)
    #expect(t.missing.count == keysA.subtracting(keysB).count)
    #expect(t.added.count + t.missing.count > 0)

    let metricsA = try FlatDocument(json: Data(contentsOf: a.appendingPathComponent("metrics.json")), name: "a").leaves
    let trade = try #require(diff.metrics.first { $0.name == "trades" })
    #expect(trade.a == metricsA["metrics.trades"])
    #expect(trade.delta?.absolute == Double(tb.count - ta.count))
    #expect(diff.metrics.map(\.name) == PerformanceMetrics.names)

    let equity = try #require(diff.equity)
    #expect(equity.onlyInA == 0 && equity.onlyInB == 0)
    #expect(equity.firstBeyondTolerance != nil)
    #expect(!diff.isEmpty)
    #expect(diff.text.contains("\nconfig: 1 key differs\n  params.fast: 10 → 12\n"))
    #expect(diff.text.contains("trades: \(ta.count) in A, \(tb.count) in B; \(t.added.count) added, \(t.missing.count) removed, \(t.changed.count) changed (matched by symbol and entry time)"))
}

/// A run compared with itself (as a run and as goldens) shows nothing but identical parts.
@Test func diffOfARunWithItself() throws {
    let out = temporaryFolder("diff")
    defer { try? FileManager.default.removeItem(at: out) }
    let a = try run([], in: out)
    let golden = out.appendingPathComponent("golden/backtest-sma-crossover")
    try Goldens.write(run: a, golden: golden)
    let located = try LocatedRun.locate(golden.path, root: repositoryRoot)
    #expect(located.kind == .golden)
    let latest = try LocatedRun.locate(out.appendingPathComponent("backtest-sma-crossover").path, root: repositoryRoot)
    #expect(latest.kind == .latest)
    let diff = try RunDiff.compute(located, latest)
    #expect(diff.isEmpty)
    #expect(diff.text.contains("config: identical\nprovenance: same commit, dirty state, config hash, data and toolchain\n"))
}

/// Runs of different experiments, folders that are not runs: errors with their own exit status.
@Test func diffBadInput() throws {
    let out = temporaryFolder("diff")
    defer { try? FileManager.default.removeItem(at: out) }
    let a = try run([], in: out, name: "alpha"), b = try run([], in: out, name: "beta")
    let la = try LocatedRun.locate(a.path, root: repositoryRoot), lb = try LocatedRun.locate(b.path, root: repositoryRoot)
    let different = #expect(throws: ArtifactError.self) { try RunDiff.compute(la, lb) }
    #expect(different == .differentExperiments("\(a.path) is a run of 'alpha' but \(b.path) is a run of 'beta'; "
        + "diff compares runs of one experiment (pass --any-experiment to compare them anyway)"))
    #expect(different?.exitStatus == .differentExperiments)
    #expect(try RunDiff.compute(la, lb, allowDifferentExperiments: true).config.changes.map(\.path) == ["name"])

    let empty = out.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    let notRun = #expect(throws: ArtifactError.self) { try LocatedRun.locate(empty.path, root: repositoryRoot) }
    #expect(notRun == .runIncomplete("\(empty.path) has no manifest.json: it is not a finished run folder (runs are under artifacts/<experiment>/<run-id>)"))
    try FileManager.default.removeItem(at: a.appendingPathComponent("provenance.json"))
    let noProvenance = #expect(throws: ArtifactError.self) { try LocatedRun.locate(a.path, root: repositoryRoot) }
    #expect(noProvenance == .runIncomplete("\(a.path) has no provenance.json: it was made by an older QuantBT or copied without it; run the experiment again"))
}
