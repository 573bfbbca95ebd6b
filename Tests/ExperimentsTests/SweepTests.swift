import Foundation
@testable import RunProvenance
@testable import Analysis
@testable import Config
@testable import Experiments
import Testing

/// Comma lists, ranges (stop included when the steps land on it) and single values.
@Test func sweepValues() throws {
    #expect(try ParameterGrid.values("5,10,20").get() == ["5", "10", "20"])
    #expect(try ParameterGrid.values("5:50:5").get() == ["5", "10", "15", "20", "25", "30", "35", "40", "45", "50"])
    #expect(try ParameterGrid.values("20:55:10").get() == ["20", "30", "40", "50"])
    #expect(try ParameterGrid.values("0.1:0.3:0.1").get() == ["0.1", "0.2", "0.3"])
    #expect(try ParameterGrid.values("10").get() == ["10"])
    #expect(errorText { _ = try ParameterGrid.values("5:x:5").get() } == "'5:x:5' is not a range start:stop:step of numbers, e.g. 5:50:5")
    #expect(errorText { _ = try ParameterGrid.values("50:5:5").get() } == "'50:5:5': a range needs stop >= start and a step above 0, e.g. 5:50:5")
    // Found by fuzzing: counts and values beyond an Int used to crash the conversion.
    #expect(errorText { _ = try ParameterGrid.values("1:10001e90:1").get() } == "'1:10001e90:1' has about 1e+94 values; a sweep axis takes at most 10,000")
    #expect(errorText { _ = try ParameterGrid.values("0:inf:1").get() } == "'0:inf:1': a range needs finite numbers (not inf or nan), e.g. 5:50:5")
    #expect(try ParameterGrid.values("1e19:1e19:1").get() == ["1e+19"])
    #expect(try ParameterGrid.values("1:3:1").get() == ["1", "2", "3"])
    let grid = ParameterGrid(axes: [.init(key: "params.a", values: ["1", "2"]), .init(key: "params.b", values: ["x", "y", "z"])])
    #expect(grid.count == 6)
    #expect(grid.combinations == [[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2]])
    #expect(grid.overrides([1, 2]) == ["params.a=2", "params.b=z"])
}

private func sweepConfigs(_ overrides: [String], axes: [ParameterGrid.Axis]) throws -> (ExperimentConfig, ParameterGrid, [ExperimentConfig]) {
    let directory = try ExperimentDirectory(path: repositoryRoot.appendingPathComponent("experiments/risk-portfolio").path)
    var base = try directory.loadConfig(overrides: overrides, defaultStrategy: DonchianBreakout.name)
    let grid = ParameterGrid(axes: axes)
    base.sweep.grid = grid
    let configs = try grid.combinations.map { try directory.loadConfig(overrides: overrides + grid.overrides($0), defaultStrategy: DonchianBreakout.name) }
    return (base, grid, configs)
}

private func runner(_ out: URL, workers: Int) -> ExperimentRunner {
    var r = ExperimentRunner(root: repositoryRoot, artifacts: out)
    r.workers = workers
    r.toolchain = Toolchain(swift: "test", source: "test", compiledWith: "test")
    return r
}

private func folder(_ path: String) -> URL {
    path.hasPrefix("/") ? URL(fileURLWithPath: path) : repositoryRoot.appendingPathComponent(path)
}

/// A sweep writes byte-identical results with 1 and 2 workers; the best is the row with the
/// highest train Sharpe in results.csv.
@Test func sweepIsIdenticalForAnyWorkerCount() throws {
    let out = temporaryFolder("sweep")
    defer { try? FileManager.default.removeItem(at: out) }
    let (base, grid, configs) = try sweepConfigs([], axes: [.init(key: "params.entry", values: ["20", "55"]), .init(key: "params.exit", values: ["10", "20"])])
    let one = try runner(out, workers: 1).sweep(DonchianBreakout.self, base: base, grid: grid, configs: configs)
    let two = try runner(out, workers: 2).sweep(DonchianBreakout.self, base: base, grid: grid, configs: configs)
    let a = try GoldenVerifier.checkedRun(folder(one.runDirectory), label: "one"), b = try GoldenVerifier.checkedRun(folder(two.runDirectory), label: "two")
    #expect(a == b && a.keys.sorted() == ["config.yaml", "results.csv", "sweep.json"])
    let rows = try String(contentsOf: folder(one.runDirectory).appendingPathComponent("results.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
    let sharpe = rows.map { Double($0.split(separator: ",", omittingEmptySubsequences: false)[3]) ?? -.infinity }
    #expect(one.sensitivity.best == sharpe.indices.max { sharpe[$0] < sharpe[$1] })
}

/// Bad sweeps fail before any backtest, word for word: a parameter the strategy does not
/// have, a value of the wrong type, a walk-forward that does not fit in the data.
@Test func sweepErrors() throws {
    let out = temporaryFolder("sweep-errors")
    defer { try? FileManager.default.removeItem(at: out) }
    let (b1, g1, c1) = try sweepConfigs([], axes: [.init(key: "params.entyr", values: ["20", "55"])])
    #expect(errorText { _ = try runner(out, workers: 1).sweep(DonchianBreakout.self, base: b1, grid: g1, configs: c1) }
        == "sweep params.entyr=20: unknown parameter 'entyr' for strategy 'donchian-breakout' (did you mean 'entry'?); it takes: atr_period, entry, exit, risk_sized, stop_atr")
    let (b2, g2, c2) = try sweepConfigs([], axes: [.init(key: "params.entry", values: ["20", "fast"])])
    #expect(errorText { _ = try runner(out, workers: 1).sweep(DonchianBreakout.self, base: b2, grid: g2, configs: c2) }
        == "sweep params.entry=fast: parameter 'entry' of strategy 'donchian-breakout' must be a whole number, got 'fast'")
    var (b3, _, _) = try sweepConfigs([], axes: [])
    b3.walkForward.folds = 1000
    #expect(errorText { _ = try runner(out, workers: 1).walkForward(DonchianBreakout.self, base: b3, grid: ParameterGrid(axes: []), configs: []) }
        == "walk_forward: 1000 folds with train_ratio 0.75 do not fit in the 1044 bars before the holdout (each window needs at least 2 bars); use fewer folds or more data")
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty, "a failed sweep writes nothing")
}

/// Walk-forward on the shipped risk-portfolio: 6 folds, each with a finite, non-zero test
/// Sharpe; the test windows are back to back and end before the holdout (2023).
@Test func walkForwardSixFoldsOnShippedData() throws {
    let out = temporaryFolder("walk-forward")
    defer { try? FileManager.default.removeItem(at: out) }
    let (base, grid, configs) = try sweepConfigs([], axes: [.init(key: "params.entry", values: ["20", "55"])])
    let o = try runner(out, workers: 2).walkForward(DonchianBreakout.self, base: base, grid: grid, configs: configs)
    #expect(o.folds.count == 6)
    for f in o.folds {
        let sharpe = try #require(f.testMetrics.sharpe)
        #expect(sharpe.isFinite && sharpe != 0)
    }
    #expect(o.folds.last!.test.upperBound < Timestamp.parse("2023-01-01")!.milliseconds)
    #expect(zip(o.folds, o.folds.dropFirst()).allSatisfy { $0.test.upperBound < $1.test.lowerBound && $0.train.upperBound < $0.test.lowerBound })
    guard case .map(let json) = o.json, case .list(let folds)? = json["folds"] else { Issue.record("no folds in --json"); return }
    #expect(folds.count == 6 && json["run_dir"] != nil)
}
