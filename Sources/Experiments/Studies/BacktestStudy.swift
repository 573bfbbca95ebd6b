import Config
import Analysis
import Engine
import Foundation
import MarketData

/// A plain run (`quantbt run`, `quantbt backtest`): one backtest over the whole period,
/// written as trades, fills, equity, rejections, risk events and metrics.json.
package struct BacktestStudy<S: Strategy>: Study {
    package var config: ExperimentConfig
    package var strategyName: String { S.name }

    package func check(_ input: StudyInput) throws { try input.checkParameters(S.self, [config]) }

    package func compute(_ input: StudyInput, runner: ExperimentRunner, progress: ProgressHandler?) throws -> RunOutcome {
        var strategy = try ExperimentRunner.makeStrategy(S.self, config: config, symbols: input.symbols)
        let result = Backtest(series: input.series, config: input.backtest).run(&strategy)
        let metrics = MetricsCalculator.compute(result, conventions: config.metrics)
        progress?(1, 1)
        return RunOutcome(config: config, metrics: metrics, dataReport: input.data.report, result: result)
    }

    package func files(_ outcome: RunOutcome, runID: String) -> [RunFile] {
        let document = outcome.metricsDocument
        return CSVArtifacts.all(outcome.result, every: config.equityEvery) + [.text("metrics.json") { document.json() }]
    }
}

extension ExperimentRunner {
    /// Runs one backtest of `config` and records it.
    public func run<S: Strategy>(_ type: S.Type, config: ExperimentConfig, clock: @escaping () -> Date = Date.init) throws -> RunOutcome {
        try record(BacktestStudy<S>(config: config), clock: clock)
    }

    /// Runs a strategy chosen at run time (a built-in named in a config or flag). The
    /// existential is opened once here; the engine loop itself stays generic.
    public func run(strategyType: any Strategy.Type, config: ExperimentConfig) throws -> RunOutcome {
        try run(strategyType, config: config)
    }
}
