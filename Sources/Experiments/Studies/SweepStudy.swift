import Config
import Analysis
import Engine
import Foundation
import Reports

/// `quantbt sweep`: every combination of `grid` (its configs already resolved, in grid
/// order) on the train split, and on the validation split when there is one; never on
/// the holdout. Results are combined in grid order, so they do not depend on the worker
/// count.
package struct SweepStudy<S: Strategy>: Study {
    package var config: ExperimentConfig
    package var grid: ParameterGrid
    /// One per combination of `grid`, in grid order.
    package var configs: [ExperimentConfig]
    package var strategyName: String { S.name }

    package init(config: ExperimentConfig, grid: ParameterGrid, configs: [ExperimentConfig]) throws {
        precondition(configs.count == grid.count, "one config per combination")
        guard !grid.isEmpty else {
            throw ConfigError("sweep: nothing to sweep; add a grid under sweep: (e.g. params.fast: [5, 10, 20]) or pass --set params.fast=5,10,20")
        }
        (self.config, self.grid, self.configs) = (config, grid, configs)
    }

    package func check(_ input: StudyInput) throws { try Self.check(grid: grid, configs: configs, input: input) }

    static func check(grid: ParameterGrid, configs: [ExperimentConfig], input: StudyInput) throws {
        try input.checkParameters(S.self, configs) { "sweep \(grid.overrides(grid.combinations[$0]).joined(separator: " "))" }
    }

    package func compute(_ input: StudyInput, runner: ExperimentRunner, progress: ProgressHandler?) throws -> SweepOutcome {
        try Self.compute(config, grid: grid, configs: configs, input: input, workers: runner.workers, progress: progress)
    }

    package func files(_ outcome: SweepOutcome, runID: String) -> [RunFile] {
        [.text("results.csv") { outcome.resultsCSV }, .text("sweep.json") { outcome.document.json() }]
    }

    /// The sweep's backtests and analysis (validate runs it too).
    static func compute(_ base: ExperimentConfig, grid: ParameterGrid, configs: [ExperimentConfig], input: StudyInput, workers: Int,
                        progress: ProgressHandler?) throws -> SweepOutcome {
        let combinations = grid.combinations
        let timeline = Timeline(input.series.map(\.times)).times
        let splits = try ValidationScenarios.ranges(base.validation, timeline: timeline).filter { $0.name != "holdout" }
        // Bars are windowed once per split; a task is only (cell, split) indices, and a cell
        // keeps nothing but its metrics once its backtest is done.
        let windows = splits.map { input.sharedWindow($0.name, $0.range, timeline: timeline, warmupBars: base.validation.warmupBars) }
        let perCombination = splits.count
        let tasks = Array(0..<(configs.count * perCombination))
        let done = Counter(), total = tasks.count, conventions = base.metrics
        let metrics = try tasks.orderedConcurrentMap(workers: workers) { task -> PerformanceMetrics in
            defer { progress?(done.increment(), total) }
            let config = configs[task / perCombination]
            return MetricsCalculator.compute(try windows[task % perCombination].run(S.self, experiment: config), conventions: conventions)
        }
        MemoryTuning.releaseFreedMemory()
        let rows = combinations.indices.map { i in
            SweepOutcome.Row(values: zip(grid.axes, combinations[i]).map { $0.values[$1] }, train: metrics[i * perCombination],
                             validation: perCombination > 1 ? metrics[i * perCombination + 1] : nil)
        }
        return SweepOutcome(experiment: base.name, plan: base.sweep, grid: grid, rows: rows)
    }
}

extension ExperimentRunner {
    /// Runs and records a sweep (see `SweepStudy`).
    public func sweep<S: Strategy>(_ type: S.Type, base: ExperimentConfig, grid: ParameterGrid, configs: [ExperimentConfig],
                                   clock: @escaping () -> Date = Date.init, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> SweepOutcome {
        try record(try SweepStudy<S>(config: base, grid: grid, configs: configs), clock: clock, progress: progress)
    }
}
