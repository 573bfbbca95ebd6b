import Config
import Analysis
import Engine
import Foundation
import Reports

/// `quantbt walk-forward`: folds over the timeline before the holdout; on each train
/// window every combination of `grid` runs (or just the configured parameters, without a
/// grid) and the best by the objective is kept; it then runs on the following test window.
package struct WalkForwardStudy<S: Strategy>: Study {
    package var config: ExperimentConfig
    package var grid: ParameterGrid
    /// One per combination of `grid`, in grid order (none without a grid).
    package var configs: [ExperimentConfig]
    package var strategyName: String { S.name }

    package func check(_ input: StudyInput) throws {
        try input.checkParameters(S.self, grid.isEmpty ? [config] : configs)
        _ = try Self.folds(config, input: input)
    }

    /// The folds over the timeline before the holdout, or an error saying they do not fit.
    static func folds(_ base: ExperimentConfig, input: StudyInput) throws -> (timeline: [Int64], folds: [WalkForwardWindows.Fold]) {
        let timeline = Timeline(input.series.map(\.times)).times
        let holdoutStart = try ValidationScenarios.ranges(base.validation, timeline: timeline).first { $0.name == "holdout" }?.range.lowerBound
        let usable = holdoutStart ?? timeline.count
        let plan = base.walkForward
        guard let folds = WalkForwardWindows.folds(count: plan.folds, bars: usable, trainRatio: plan.trainRatio, anchored: plan.mode == .anchored) else {
            throw ConfigError("walk_forward: \(plan.folds) folds with train_ratio \(plan.trainRatio) do not fit in the \(usable) bars before the holdout "
                + "(each window needs at least 2 bars); use fewer folds or more data")
        }
        return (timeline, folds)
    }

    package func compute(_ input: StudyInput, runner: ExperimentRunner, progress: ProgressHandler?) throws -> WalkForwardOutcome {
        try Self.compute(config, grid: grid, configs: configs, input: input, workers: runner.workers, progress: progress)
    }

    package func files(_ outcome: WalkForwardOutcome, runID: String) -> [RunFile] {
        [.text("walk_forward.json") { outcome.document.json() }, .text("oos_equity.csv") { outcome.stitchedCSV }]
    }

    /// The folds' backtests and summary (validate runs it too).
    static func compute(_ base: ExperimentConfig, grid: ParameterGrid, configs: [ExperimentConfig], input: StudyInput, workers: Int,
                        progress: ProgressHandler?) throws -> WalkForwardOutcome {
        let candidates = grid.isEmpty ? [base] : configs
        let (timeline, folds) = try folds(base, input: input)
        let plan = base.walkForward
        let warmup = base.validation.warmupBars
        // Each fold's training bars are windowed once and shared by every candidate.
        let trainWindows = folds.map { input.sharedWindow("train", $0.train, timeline: timeline, warmupBars: warmup) }
        let trainTasks = Array(0..<(folds.count * candidates.count))
        let total = trainTasks.count + folds.count, conventions = base.metrics
        let done = Counter()
        let trainMetrics = try trainTasks.orderedConcurrentMap(workers: workers) { task -> PerformanceMetrics in
            defer { progress?(done.increment(), total) }
            let window = trainWindows[task / candidates.count], config = candidates[task % candidates.count]
            return MetricsCalculator.compute(try window.run(S.self, experiment: config), conventions: conventions)
        }
        let objective = base.sweep.objective
        let chosen = folds.indices.map { f in
            WalkForwardWindows.best(candidates.indices.map { objective.value(trainMetrics[f * candidates.count + $0]) }, by: objective)
        }
        let testTasks = folds.indices.map { f in
            (scenario: input.window("test", folds[f].test, timeline: timeline, config: candidates[chosen[f]], warmupBars: warmup), config: candidates[chosen[f]])
        }
        let tests = try testTasks.orderedConcurrentMap(workers: workers) { task -> BacktestResult in
            defer { progress?(done.increment(), total) }
            return try task.scenario.run(S.self, experiment: task.config)
        }
        let combinations = grid.combinations
        let span = { (range: Range<Int>) in timeline[range.lowerBound]...timeline[range.upperBound - 1] }
        let out = folds.indices.map { f in
            WalkForwardOutcome.Fold(train: span(folds[f].train), test: span(folds[f].test),
                                    values: grid.isEmpty ? [] : zip(grid.axes, combinations[chosen[f]]).map { $0.values[$1] },
                                    trainMetrics: trainMetrics[f * candidates.count + chosen[f]],
                                    testMetrics: MetricsCalculator.compute(tests[f], conventions: conventions), testResult: tests[f])
        }
        return WalkForwardOutcome(experiment: base.name, plan: plan, objective: objective, capital: base.backtest.capital, grid: grid,
                                  folds: out, stitched: WalkForwardWindows.stitch(tests, capital: base.backtest.capital))
    }
}

extension ExperimentRunner {
    /// Runs and records a walk-forward analysis (see `WalkForwardStudy`).
    public func walkForward<S: Strategy>(_ type: S.Type, base: ExperimentConfig, grid: ParameterGrid, configs: [ExperimentConfig],
                                         clock: @escaping () -> Date = Date.init, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> WalkForwardOutcome {
        try record(WalkForwardStudy<S>(config: base, grid: grid, configs: configs), clock: clock, progress: progress)
    }
}
