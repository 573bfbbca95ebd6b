import Config
import Analysis
import Engine

extension StudyInput {
    /// A backtest of `config` over timeline indices `range` (see `ValidationScenarios.window`),
    /// on this input's trading calendar.
    func window(_ name: String, _ range: Range<Int>, timeline: [Int64], config: ExperimentConfig, warmupBars: Int?) -> ValidationScenario {
        var base = config.backtest
        base.calendar = backtest.calendar
        return ValidationScenarios.window(name, range, series: series, timeline: timeline, base: base, warmupBars: warmupBars)
    }

    /// Builds the strategy of every config once, so a bad parameter fails before any work;
    /// `context` names which config in the error.
    func checkParameters<S: Strategy>(_ type: S.Type, _ configs: [ExperimentConfig], context: (Int) -> String? = { _ in nil }) throws {
        for (i, config) in configs.enumerated() {
            do { _ = try ExperimentRunner.makeStrategy(S.self, config: config, symbols: symbols) } catch {
                guard let label = context(i) else { throw error }
                throw ConfigError("\(label): \(error)")
            }
        }
    }
}

extension ValidationScenario {
    /// Runs a fresh strategy of `experiment`'s parameters on this scenario.
    func run<S: Strategy>(_ type: S.Type, experiment: ExperimentConfig) throws -> BacktestResult {
        run(try ExperimentRunner.makeStrategy(S.self, config: experiment, symbols: series.map(\.symbol)))
    }
}
