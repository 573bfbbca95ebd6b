import Analysis
import Engine
import Foundation
import Model

extension ExperimentRunner {
    /// `quantbt sweep`: every combination of `grid` (its configs already resolved, in grid
    /// order) on the train split, and on the validation split when there is one; never on
    /// the holdout. Results are combined in grid order, so they do not depend on the worker
    /// count.
    public func sweep<S: Strategy>(_ type: S.Type, base: ExperimentConfig, grid: ParameterGrid, configs: [ExperimentConfig],
                                   clock: @escaping () -> Date = Date.init, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> SweepOutcome {
        precondition(configs.count == grid.count, "one config per combination")
        guard !grid.isEmpty else {
            throw ConfigError("sweep: nothing to sweep; add a grid under sweep: (e.g. params.fast: [5, 10, 20]) or pass --set params.fast=5,10,20")
        }
        try checkStrategy(S.self, base)
        let started = clock()
        let provenanceReads = startProvenanceReads()
        let (input, backtest) = try prepare(base)
        var outcome = try computeSweep(S.self, base: base, grid: grid, configs: configs, input: input, backtest: backtest, progress: progress)
        let runID = Self.runID(time: clock(), configText: base.canonical.yaml())
        let written = outcome
        outcome.runDirectory = try commitRun(base, runID: runID, started: started, data: input.files, provenanceReads: provenanceReads, clock: clock) { directory in
            try directory.write("results.csv", text: written.resultsCSV)
            try directory.write("sweep.json", text: written.document.json())
            try directory.write("report.md", text: SweepPages.markdown(written, runID: runID), hashed: false)
            try directory.write("report.html", text: SweepPages.html(written, runID: runID), hashed: false)
        }
        return outcome
    }

    /// The sweep's backtests and analysis, without writing anything (validate reuses it).
    func computeSweep<S: Strategy>(_ type: S.Type, base: ExperimentConfig, grid: ParameterGrid, configs: [ExperimentConfig],
                                   input: InputData, backtest: BacktestConfig, progress: (@Sendable (Int, Int) -> Void)?) throws -> SweepOutcome {
        let combinations = grid.combinations
        for (combination, config) in zip(combinations, configs) {
            do { _ = try Self.makeStrategy(S.self, config: config, symbols: input.series.map(\.symbol)) } catch {
                throw ConfigError("sweep \(grid.overrides(combination).joined(separator: " ")): \(error)")
            }
        }
        let timeline = Timeline(input.series.map(\.times)).times
        let splits = try ValidationScenarios.ranges(base.validation, timeline: timeline).filter { $0.name != "holdout" }
        var tasks: [(combination: Int, scenario: ValidationScenario, config: ExperimentConfig)] = []
        for (i, config) in configs.enumerated() {
            var comboBacktest = config.backtest
            comboBacktest.calendar = backtest.calendar
            for split in splits {
                tasks.append((i, ValidationScenarios.window(split.name, split.range, series: input.series, timeline: timeline, base: comboBacktest,
                                                            warmupBars: base.validation.warmupBars), config))
            }
        }
        let done = Counter(), total = tasks.count
        let metrics = try tasks.orderedConcurrentMap(workers: workers) { task -> PerformanceMetrics in
            defer { progress?(done.increment(), total) }
            return MetricsCalculator.compute(try task.scenario.run(S.self, experiment: task.config), conventions: base.metrics)
        }
        let perCombination = splits.count
        let rows = combinations.indices.map { i in
            SweepOutcome.Row(values: zip(grid.axes, combinations[i]).map { $0.values[$1] }, train: metrics[i * perCombination],
                             validation: perCombination > 1 ? metrics[i * perCombination + 1] : nil)
        }
        let objective = base.sweep.objective
        let sensitivity = SweepSensitivity.analyze(objectives: rows.map { SweepOutcome.value(objective, $0.train) },
                                                   sizes: grid.axes.map(\.values.count), maximize: objective != "max_drawdown",
                                                   stableWithin: base.sweep.stableWithin, peakDrop: base.sweep.peakDrop)
        return SweepOutcome(runDirectory: "", config: base, grid: grid, rows: rows, sensitivity: sensitivity)
    }
}
