import Foundation
@testable import Analysis
@testable import Config
@testable import Experiments
import Testing

private func config(_ overrides: [String] = []) throws -> ExperimentConfig {
    try AdHocBacktest.config(strategy: "sma-crossover", files: ["data/sample/ETHUSD-1h.csv"], symbols: [], from: "2023-01-01",
                             to: "2023-06-30", overrides: ["costs.commission=0.001"] + overrides)
}

private let artifactNames = ["breakdowns.json", "config.yaml", "equity.csv", "fills.csv", "manifest.json", "metrics.json", "rejections.csv", "risk_events.csv", "trades.csv"]

/// Running the same config twice gives byte-identical artifacts.
@Test func runsAreDeterministic() throws {
    let out = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let runner = ExperimentRunner(root: repositoryRoot, artifacts: out)
    let first = try runner.run(SMACrossover.self, config: config(), clock: { Date(timeIntervalSince1970: 0) })
    let second = try runner.run(SMACrossover.self, config: config(), clock: { Date(timeIntervalSince1970: 60) })
    #expect(first.runDirectory != second.runDirectory)
    #expect(first.result.trades.count > 10)
    for name in artifactNames {
        let a = FileManager.default.contents(atPath: "\(first.runDirectory)/\(name)")
        let b = FileManager.default.contents(atPath: "\(second.runDirectory)/\(name)")
        #expect(a != nil && a == b, "\(name) differs between two runs")
    }
}

/// A run writes every artifact and its tearsheet, lists each but provenance.json (wall
/// time) and the reports (they show the run id) in the manifest, and points `latest` at itself.
@Test func runWritesArtifactsAndManifest() throws {
    let out = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let outcome = try ExperimentRunner(root: repositoryRoot, artifacts: out).run(SMACrossover.self, config: config())
    let files = try FileManager.default.contentsOfDirectory(atPath: outcome.runDirectory).sorted()
    #expect(files == (artifactNames + ["provenance.json", "report.html", "report.md"]).sorted())
    let manifest = try #require(try Manifest.read(in: URL(fileURLWithPath: outcome.runDirectory), label: "run"))
    #expect(manifest.files.keys.sorted() == artifactNames.filter { $0 != "manifest.json" })
    let latest = out.appendingPathComponent("backtest-sma-crossover/latest").resolvingSymlinksInPath().path
    #expect(latest == URL(fileURLWithPath: outcome.runDirectory).resolvingSymlinksInPath().path)
    let trades = try String(contentsOfFile: "\(outcome.runDirectory)/trades.csv", encoding: .utf8)
    #expect(trades.hasPrefix("trade_id,symbol,direction,quantity,entry_time,entry_price,exit_time,exit_price,commission,pnl,return,bars,tag\n1,ETHUSD,long,"))
}

/// Bad input stops the run before anything that looks like a run folder exists.
@Test func failedRunLeavesNothing() throws {
    let out = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let runner = ExperimentRunner(root: repositoryRoot, artifacts: out)
    #expect(errorText { _ = try runner.run(SMACrossover.self, config: config(["params.fsat=5"])) }
        == "unknown parameter 'fsat' for strategy 'sma-crossover' (did you mean 'fast'?); it takes: direction, fast, size, slow")
    #expect(errorText { _ = try runner.run(SMACrossover.self, config: config(["params.fast=50", "params.slow=20"])) }
        == "parameter 'fast' (50) of strategy 'sma-crossover' must be less than 'slow' (20)")
    #expect(errorText { _ = try runner.run(SMACrossover.self, config: config(["data.start=2030-01-01", "data.end=2030-02-01"])) }
        == "data.start/data.end: 2030-01-01 to 2030-02-01 selects no bars of ETHUSD; its data runs from 2023-01-01T00:00:00Z to 2023-12-31T23:00:00Z")
    #expect(errorText { _ = try AdHocBacktest.config(strategy: "sma-cross", files: ["x.csv"], symbols: [], from: nil, to: nil, overrides: []) }
        == "unknown strategy 'sma-cross' (did you mean 'sma-crossover'?); built-in strategies: buy-and-hold, sma-crossover, bollinger-reversion, donchian-breakout")
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
}

/// Every built-in strategy runs on the sample data and trades.
@Test(arguments: BuiltInStrategies.names)
func builtInStrategiesTrade(_ name: String) throws {
    let out = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let c = try AdHocBacktest.config(strategy: name, files: ["data/sample/ETHUSD-1h.csv"], symbols: [], from: nil, to: nil, overrides: [])
    let outcome = try ExperimentRunner(root: repositoryRoot, artifacts: out).run(strategyType: BuiltInStrategies.named(name), config: c)
    #expect(outcome.result.fills.count > 0)
    #expect(outcome.metrics.finalEquity > 0)
}
