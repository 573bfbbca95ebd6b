import Analysis
import Engine
import Foundation
import Model

extension ExperimentRunner {
    /// `quantbt walk-forward`: folds over the timeline before the holdout; on each train
    /// window every combination of `grid` runs (or just the configured parameters, without a
    /// grid) and the best by the objective is kept; it then runs on the following test window.
    public func walkForward<S: Strategy>(_ type: S.Type, base: ExperimentConfig, grid: ParameterGrid, configs: [ExperimentConfig],
                                         clock: @escaping () -> Date = Date.init, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> WalkForwardOutcome {
        try checkStrategy(S.self, base)
        let started = clock()
        let provenanceReads = startProvenanceReads()
        let (input, backtest) = try prepare(base)
        var outcome = try computeWalkForward(S.self, base: base, grid: grid, configs: configs, input: input, backtest: backtest, progress: progress)
        let runID = Self.runID(time: clock(), configText: base.canonical.yaml())
        let written = outcome
        outcome.runDirectory = try commitRun(base, runID: runID, started: started, data: input.files, provenanceReads: provenanceReads, clock: clock) { directory in
            try directory.write("walk_forward.json", text: written.document.json())
            try directory.write("oos_equity.csv", text: written.stitchedCSV)
            try directory.write("report.md", text: WalkForwardPages.markdown(written, runID: runID), hashed: false)
            try directory.write("report.html", text: WalkForwardPages.html(written, runID: runID), hashed: false)
        }
        return outcome
    }

    /// The folds' backtests and summary, without writing anything (validate reuses it).
    func computeWalkForward<S: Strategy>(_ type: S.Type, base: ExperimentConfig, grid: ParameterGrid, configs: [ExperimentConfig],
                                         input: InputData, backtest: BacktestConfig, progress: (@Sendable (Int, Int) -> Void)?) throws -> WalkForwardOutcome {
        let candidates = grid.isEmpty ? [base] : configs
        for config in candidates { _ = try Self.makeStrategy(S.self, config: config, symbols: input.series.map(\.symbol)) }
        let timeline = Timeline(input.series.map(\.times)).times
        let holdoutStart = try ValidationScenarios.ranges(base.validation, timeline: timeline).first { $0.name == "holdout" }?.range.lowerBound
        let usable = holdoutStart ?? timeline.count
        let plan = base.walkForward
        guard let folds = WalkForwardWindows.folds(count: plan.folds, bars: usable, trainRatio: plan.trainRatio, anchored: plan.mode == .anchored) else {
            throw ConfigError("walk_forward: \(plan.folds) folds with train_ratio \(plan.trainRatio) do not fit in the \(usable) bars before the holdout "
                + "(each window needs at least 2 bars); use fewer folds or more data")
        }
        func scenario(_ name: String, _ range: Range<Int>, _ config: ExperimentConfig) -> ValidationScenario {
            var b = config.backtest
            b.calendar = backtest.calendar
            return ValidationScenarios.window(name, range, series: input.series, timeline: timeline, base: b, warmupBars: base.validation.warmupBars)
        }
        let trainTasks = folds.indices.flatMap { f in candidates.indices.map { c in (scenario("train", folds[f].train, candidates[c]), candidates[c]) } }
        let total = trainTasks.count + folds.count, conventions = base.metrics
        let done = Counter()
        let trainMetrics = try trainTasks.orderedConcurrentMap(workers: workers) { task, config -> PerformanceMetrics in
            defer { progress?(done.increment(), total) }
            return MetricsCalculator.compute(try task.run(S.self, experiment: config), conventions: conventions)
        }
        let maximize = base.sweep.objective != "max_drawdown"
        let chosen = folds.indices.map { f -> Int in
            let objectives = candidates.indices.map { SweepOutcome.value(base.sweep.objective, trainMetrics[f * candidates.count + $0]) }
            var best = 0
            for (c, v) in objectives.enumerated() {
                guard let v else { continue }
                if let b = objectives[best] { if maximize ? v > b : v < b { best = c } } else { best = c }
            }
            return best
        }
        let testTasks = folds.indices.map { f in (scenario("test", folds[f].test, candidates[chosen[f]]), candidates[chosen[f]]) }
        let tests = try testTasks.orderedConcurrentMap(workers: workers) { task, config -> BacktestResult in
            defer { progress?(done.increment(), total) }
            return try task.run(S.self, experiment: config)
        }
        let combinations = grid.combinations
        var stitched: [(Int64, Double)] = []
        var level = base.backtest.capital
        var out: [WalkForwardOutcome.Fold] = []
        for f in folds.indices {
            let r = tests[f]
            for (t, e) in zip(r.times, r.equity) { stitched.append((t, level * e / r.initialCapital)) }
            level = stitched.last?.1 ?? level
            let span = { (range: Range<Int>) in timeline[range.lowerBound]...timeline[range.upperBound - 1] }
            out.append(.init(train: span(folds[f].train), test: span(folds[f].test),
                             values: grid.isEmpty ? [] : zip(grid.axes, combinations[chosen[f]]).map { $0.values[$1] },
                             trainMetrics: trainMetrics[f * candidates.count + chosen[f]],
                             testMetrics: MetricsCalculator.compute(r, conventions: base.metrics), testResult: r))
        }
        return WalkForwardOutcome(runDirectory: "", config: base, grid: grid, folds: out, stitched: stitched)
    }
}
