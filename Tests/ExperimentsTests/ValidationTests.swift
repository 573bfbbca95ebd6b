import Foundation
@testable import RunProvenance
@testable import Analysis
@testable import Config
@testable import Experiments
import Testing

private let day: Int64 = 86_400_000

private func daily(_ symbol: String, _ n: Int, from start: String = "2023-01-01") -> BarSeries {
    let t0 = Timestamp.parse(start)!.milliseconds
    return BarSeries(symbol: symbol, bars: (0..<n).map { i in
        let p = 100 + Double(i)
        return Bar(time: Timestamp(milliseconds: t0 + Int64(i) * day), open: p, high: p, low: p, close: p, volume: 1)
    })
}

private func plan(_ yaml: String) throws -> ValidationPlan {
    try ExperimentConfig.read(ConfigNode.parse(yaml: "data: {files: [a.csv]}\n" + yaml, file: "x.yaml"), defaultName: "x", defaultStrategy: "s").validation
}

/// Fractions 0.5 / 0.25 / 0.25 of 8 daily bars: train bars 1–4, validation 5–6, holdout
/// 7–8. Each split's data ends at its last bar; with every earlier bar as warm-up it starts
/// at the first bar, and it may trade only from its own first bar.
@Test func splitBoundariesByFraction() throws {
    let scenarios = try ValidationScenarios.splits(try plan("splits: {train: 0.5, validation: 0.25, holdout: 0.25}\n"),
                                                   series: [daily("X", 8)], timeline: daily("X", 8).times, base: BacktestConfig())
    #expect(scenarios.map(\.name) == ["train", "validation", "holdout"])
    #expect(scenarios.map(\.summary) == ["2023-01-01 to 2023-01-04", "2023-01-05 to 2023-01-06", "2023-01-07 to 2023-01-08"])
    #expect(scenarios.map { $0.series[0].times.last! } == [3, 5, 7].map { Timestamp.parse("2023-01-01")!.milliseconds + $0 * day })
    #expect(scenarios.map { $0.series[0].count } == [4, 6, 8])
    #expect(scenarios[1].config.tradingWindows == [TradingWindow(start: Timestamp.parse("2023-01-05")!.milliseconds,
                                                                 end: Timestamp.parse("2023-01-06")!.milliseconds + 1)])
}

/// Date splits with a warm-up of 2 bars: the validation split (5–6 January) reads 3–6 January.
@Test func splitsByDatesWithWarmup() throws {
    let p = try plan("splits:\n  train: [2023-01-01, 2023-01-04]\n  validation: [2023-01-05, 2023-01-06]\n  warmup: 2\n")
    let scenarios = try ValidationScenarios.splits(p, series: [daily("X", 8)], timeline: daily("X", 8).times, base: BacktestConfig())
    #expect(scenarios.map(\.name) == ["train", "validation"])
    #expect(scenarios[1].series[0].times.first == Timestamp.parse("2023-01-03")!.milliseconds)
    #expect(scenarios[1].facts["bars"] == .int(2))
}

/// A strategy that remembers the latest bar it was shown (the test reads it back).
private struct LatestBarSeen: Strategy {
    static let name = "buy-and-hold"
    nonisolated(unsafe) static var latest: Int64 = 0
    nonisolated(unsafe) static var firstTrade: Int64?
    init(parameters: Parameters) throws {}
    mutating func onBar(_ bar: Bar, symbol: Int, context: StrategyContext) {
        Self.latest = max(Self.latest, bar.time.milliseconds)
        if context.tradingAllowed && Self.firstTrade == nil { Self.firstTrade = bar.time.milliseconds }
        if context.position(symbol) == 0 { context.targetPercent(symbol, 1) }
    }
}

/// The train split's strategy never sees a bar after train's end (so tuning on train cannot
/// read the holdout), sees the bars before it, and trades only inside it; its metrics cover
/// only its own bars.
@Test func trainNeverReadsLaterBars() throws {
    let series = [daily("X", 10)]
    let p = try plan("splits: {train: [2023-01-03, 2023-01-06], holdout: [2023-01-07, 2023-01-10]}\n")
    let train = try ValidationScenarios.splits(p, series: series, timeline: series[0].times, base: BacktestConfig())[0]
    LatestBarSeen.latest = 0
    LatestBarSeen.firstTrade = nil
    let config = ExperimentConfig(name: "x", strategy: "buy-and-hold")
    let result = try train.run(LatestBarSeen.self, experiment: config)
    #expect(LatestBarSeen.latest == Timestamp.parse("2023-01-06")!.milliseconds)
    #expect(LatestBarSeen.firstTrade == Timestamp.parse("2023-01-03")!.milliseconds)
    #expect(result.times.first == Timestamp.parse("2023-01-03")!.milliseconds && result.times.count == 4)
    #expect(result.fills.first?.time == Timestamp.parse("2023-01-04"))
}

/// Bad splits are errors before any work, word for word.
@Test func splitErrors() {
    #expect(errorText { _ = try plan("splits:\n  train: [2023-01-01, 2023-06-30]\n  validation: [2023-06-01, 2023-08-31]\n") }
        == "x.yaml:4: splits.validation [2023-06-01, 2023-08-31] overlaps splits.train [2023-01-01, 2023-06-30]; splits must not share bars")
    #expect(errorText { _ = try plan("splits: {train: 0.7, validation: [2023-06-01, 2023-08-31]}\n") }
        == "x.yaml:2: splits: give every split as dates or every split as a fraction, not a mix")
    #expect(errorText { _ = try plan("splits: {train: 0.7, validation: 0.2, holdout: 0.2}\n") }
        == "x.yaml:2: splits: the fractions add up to 1.1, more than 1; they share one timeline")
    #expect(errorText { _ = try plan("splits: {validation: 0.2}\n") }
        == "x.yaml:2: splits: no train split; give train (and validation, holdout) as [start, end] dates or fractions, e.g. {train: 0.6, validation: 0.2, holdout: 0.2}")
    #expect(errorText { _ = try plan("splits: {train: [2023-02-01, 2023-01-01]}\n") }
        == "x.yaml:2: splits.train: ends (2023-01-01) before it starts (2023-02-01)")
    #expect(errorText { _ = try plan("splits: {trian: 0.5}\n") }
        == "x.yaml:2: splits.trian: unknown key (did you mean 'train'?); known keys under splits: train, validation, holdout, warmup")
    let series = [daily("X", 8)]
    #expect(errorText {
        _ = try ValidationScenarios.splits(try plan("splits: {train: [2024-01-01, 2024-02-01]}\n"), series: series, timeline: series[0].times, base: BacktestConfig())
    } == "splits.train: selects 0 bars of the data (2023-01-01 to 2023-01-08); a split needs at least 2; move its dates inside the data or give it a larger share")
}

/// validate with 1 and with 2 workers writes byte-identical artifacts (the sweep on train and
/// the walk-forward folds included, since risk-portfolio has a sweep grid), and each run that
/// evaluates the holdout is counted.
@Test func validationIsDeterministicAndCountsHoldoutLooks() throws {
    let out = temporaryFolder("validate")
    defer { try? FileManager.default.removeItem(at: out) }
    let directory = try ExperimentDirectory(path: repositoryRoot.appendingPathComponent("experiments/risk-portfolio").path)
    let config = try directory.loadConfig(overrides: [], defaultStrategy: DonchianBreakout.name)
    let grid = config.sweep.grid
    let configs = try grid.combinations.map { try directory.loadConfig(overrides: grid.overrides($0), defaultStrategy: DonchianBreakout.name) }
    var hashes: [[String: String]] = []
    var counts: [Int] = []
    for workers in [1, 2] {
        var runner = ExperimentRunner(root: repositoryRoot, artifacts: out)
        runner.workers = workers
        runner.toolchain = Toolchain(swift: "test", source: "test", compiledWith: "test")
        let outcome = try runner.validate(DonchianBreakout.self, config: config, grid: grid, configs: configs)
        let folder = repositoryRoot.appendingPathComponent(outcome.runDirectory).standardizedFileURL
        let run = outcome.runDirectory.hasPrefix("/") ? URL(fileURLWithPath: outcome.runDirectory) : folder
        hashes.append(try GoldenVerifier.checkedRun(run, label: "run"))
        counts.append(outcome.holdoutEvaluations)
    }
    #expect(hashes[0] == hashes[1])
    #expect(hashes[0].keys.contains("validation.json") && hashes[0].keys.contains("stress/flash-crash/trades.csv"))
    #expect(hashes[0].keys.contains("sweep/results.csv") && hashes[0].keys.contains("walk-forward/walk_forward.json"))
    #expect(!hashes[0].keys.contains("report.html"))
    #expect(counts == [1, 2])
}
