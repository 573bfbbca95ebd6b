import Foundation
@testable import RunProvenance
@testable import Analysis
@testable import Experiments
import Testing

/// A strategy with injected nondeterminism: it sizes each entry with an unseeded random number.
private struct CoinFlipSizing: Strategy {
    static let name = "sma-crossover"
    var inner: SMACrossover

    init(parameters: Parameters) throws { inner = try SMACrossover(parameters: parameters) }

    mutating func onBar(_ bar: Bar, symbol: Int, context: StrategyContext) {
        if context.position(symbol) == 0 && Double.random(in: 0..<1) < 0.05 {
            _ = context.buy(symbol, quantity: Double.random(in: 1...2))
        } else {
            inner.onBar(bar, symbol: symbol, context: context)
        }
    }
}

private func runs<S: Strategy>(_ type: S.Type, workers: [Int]) throws -> (DeterminismReport, URL) {
    let out = temporaryFolder("determinism")
    let config = try AdHocBacktest.config(strategy: "sma-crossover", files: ["data/sample/ETHUSD-1h.csv"], symbols: [], from: nil,
                                          to: "2023-06-30", overrides: ["params.fast=10", "params.slow=30"])
    let results = try workers.map { w -> DeterminismReport.Run in
        var runner = ExperimentRunner(root: repositoryRoot, artifacts: out)
        runner.workers = w
        runner.toolchain = Toolchain(swift: "test", source: "test", compiledWith: "test")
        let folder = URL(fileURLWithPath: try runner.run(type, config: config).runDirectory)
        return .init(directory: folder.lastPathComponent, workers: w, hashes: try GoldenVerifier.checkedRun(folder, label: "run"))
    }
    return (DeterminismReport(runs: results), out)
}

/// The same experiment with 1, 2 and 3 workers writes identical artifacts.
@Test func workerCountDoesNotChangeArtifacts() throws {
    let (report, out) = try runs(SMACrossover.self, workers: [1, 2, 3])
    defer { try? FileManager.default.removeItem(at: out) }
    #expect(report.isDeterministic)
    #expect(report.text == "3 runs with 1, 2, 3 workers: every artifact identical in every run")
}

/// A strategy that reads unseeded random numbers is caught, and the artifacts named.
@Test func injectedNondeterminismIsCaught() throws {
    let (report, out) = try runs(CoinFlipSizing.self, workers: [1, 2])
    defer { try? FileManager.default.removeItem(at: out) }
    #expect(!report.isDeterministic)
    #expect(report.differing.contains("trades.csv") && report.differing.contains("fills.csv") && report.differing.contains("equity.csv"))
    #expect(!report.differing.contains("config.yaml"))
    #expect(report.text.hasPrefix("2 runs with 1, 2 workers: NONDETERMINISTIC: \(report.differing.joined(separator: ", ")) differ between runs\n"))
    #expect(report.text.contains("    run 2 (2 workers): "))
}
