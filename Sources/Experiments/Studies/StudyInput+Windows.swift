import Config
import Analysis
import Engine

extension StudyInput {
    /// A backtest of `config` over timeline indices `range` (see `ValidationScenarios.window`),
    /// on this input's trading calendar.
    func window(_ name: String, _ range: Range<Int>, timeline: [Int64], config: ExperimentConfig, warmupBars: Int?) -> ValidationScenario {
        sharedWindow(name, range, timeline: timeline, warmupBars: warmupBars).scenario(for: config)
    }

    /// The bars of timeline indices `range`, sliced once for every config run on them (a
    /// sweep's cells, a walk-forward's candidates). Each cell's scenario shares these
    /// copy-on-write columns, so a sweep's memory does not grow with its cell count.
    func sharedWindow(_ name: String, _ range: Range<Int>, timeline: [Int64], warmupBars: Int?) -> SharedWindow {
        SharedWindow(template: ValidationScenarios.window(name, range, series: series, timeline: timeline, base: backtest, warmupBars: warmupBars),
                     calendar: backtest.calendar)
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

/// One window of bars shared by many configs (see `StudyInput.sharedWindow`).
struct SharedWindow: Sendable {
    let template: ValidationScenario
    let calendar: TradingCalendar

    /// The window under `config`'s engine settings (the input's trading calendar, the
    /// window's trading span), without slicing the bars again.
    func scenario(for config: ExperimentConfig) -> ValidationScenario {
        var scenario = template
        let windows = template.config.tradingWindows
        scenario.config = config.backtest
        scenario.config.calendar = calendar
        scenario.config.tradingWindows = windows
        return scenario
    }

    /// Runs a fresh strategy of `config`'s parameters on this window.
    func run<S: Strategy>(_ type: S.Type, experiment config: ExperimentConfig) throws -> BacktestResult {
        try scenario(for: config).run(S.self, experiment: config)
    }
}

extension ValidationScenario {
    /// Runs a fresh strategy of `experiment`'s parameters on this scenario.
    func run<S: Strategy>(_ type: S.Type, experiment: ExperimentConfig) throws -> BacktestResult {
        run(try ExperimentRunner.makeStrategy(S.self, config: experiment, symbols: series.map(\.symbol)))
    }
}
