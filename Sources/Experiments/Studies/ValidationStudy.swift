import Config
import Analysis
import Engine
import Foundation
import Reports

/// `quantbt validate`: the baseline, every split and every stress scenario, each its own
/// backtest (run concurrently; the artifacts do not depend on the order they finish in),
/// written to one run folder with validation.json and the reports.
///
/// With a sweep grid (`sweep:`, resolved into one config per combination by the caller),
/// it also runs the sweep on train and the walk-forward folds, and the report shows their
/// heatmaps, fold table and stitched equity.
package struct ValidationStudy<S: Strategy>: Study {
    package var config: ExperimentConfig
    package var grid = ParameterGrid(axes: [])
    package var configs: [ExperimentConfig] = []
    package var strategyName: String { S.name }

    var evaluatesHoldout: Bool { config.validation.splits.contains { $0.name == "holdout" } }

    package func check(_ input: StudyInput) throws {
        try input.checkParameters(S.self, [config])
        _ = try ValidationScenarios.ranges(config.validation, timeline: Timeline(input.series.map(\.times)).times)
        if !grid.isEmpty {
            try SweepStudy<S>.check(grid: grid, configs: configs, input: input)
            _ = try WalkForwardStudy<S>.folds(config, input: input)
        }
    }

    package func compute(_ input: StudyInput, runner: ExperimentRunner, progress: ProgressHandler?) throws -> ValidationOutcome {
        let scenarios = try ValidationScenarios.make(plan: config.validation, series: input.series, base: input.backtest, seed: config.seed)
        let done = Counter()
        // Each scenario's backtest, metrics and breakdowns on one worker.
        let entries = try scenarios.orderedConcurrentMap(workers: runner.workers) { scenario -> ValidationOutcome.Entry in
            defer { progress?(done.increment(), scenarios.count) }
            guard !scenario.isEmpty else { return ValidationOutcome.Entry(scenario: scenario, result: nil, metrics: nil) }
            let result = try scenario.run(S.self, experiment: config)
            let metrics = MetricsCalculator.compute(result, conventions: config.metrics)
            let breakdowns = Breakdowns.compute(result, series: scenario.series, calendar: scenario.config.calendar,
                                                periodsPerYear: metrics.periodsPerYear, riskFreeRate: config.metrics.riskFreeRate,
                                                options: config.report)
            return ValidationOutcome.Entry(scenario: scenario, result: result, metrics: metrics, breakdowns: breakdowns.canonical)
        }
        let sweep = grid.isEmpty ? nil
            : try SweepStudy<S>.compute(config, grid: grid, configs: configs, input: input, workers: runner.workers, progress: progress)
        let walkForward = grid.isEmpty ? nil
            : try WalkForwardStudy<S>.compute(config, grid: grid, configs: configs, input: input, workers: runner.workers, progress: progress)
        let ledger = HoldoutLedger(experimentArtifacts: runner.artifacts.appendingPathComponent(config.name))
        return ValidationOutcome(experiment: config.name, entries: entries, evaluatesHoldout: evaluatesHoldout,
                                 holdoutEvaluations: ledger.count + (evaluatesHoldout ? 1 : 0), sweep: sweep, walkForward: walkForward)
    }

    package func files(_ outcome: ValidationOutcome, runID: String) -> [RunFile] {
        var files: [RunFile] = []
        for entry in outcome.entries {
            guard let result = entry.result, let metrics = entry.metrics else { continue }
            files += CSVArtifacts.all(result, every: config.equityEvery, prefix: entry.scenario.folder)
            let document = CanonicalValue.map(["scenario": .string(entry.scenario.name), "summary": .string(entry.scenario.summary),
                                               "metrics": metrics.canonical, "facts": .map(entry.scenario.facts)])
            files.append(.text(entry.scenario.folder + "metrics.json") { document.json() })
            if let breakdowns = entry.breakdowns { files.append(.text(entry.scenario.folder + "breakdowns.json") { breakdowns.json() }) }
        }
        files.append(.text("validation.json") { outcome.document.json() })
        if let sweep = outcome.sweep {
            files += [.text("sweep/results.csv") { sweep.resultsCSV }, .text("sweep/sweep.json") { sweep.document.json() }]
        }
        if let walkForward = outcome.walkForward {
            files += [.text("walk-forward/walk_forward.json") { walkForward.document.json() }, .text("walk-forward/oos_equity.csv") { walkForward.stitchedCSV }]
        }
        return files
    }

    package func holdoutEvaluations(_ outcome: ValidationOutcome) -> Int? { evaluatesHoldout ? outcome.holdoutEvaluations : nil }

    /// Counts this look at the holdout in the ledger.
    package func recorded(_ outcome: ValidationOutcome, runID: String, runner: ExperimentRunner) throws {
        guard evaluatesHoldout else { return }
        _ = try HoldoutLedger(experimentArtifacts: runner.artifacts.appendingPathComponent(config.name))
            .record(runID: runID, configSHA256: RunDirectory.sha256(Data(config.canonical.yaml().utf8)))
    }
}

extension ExperimentRunner {
    /// Runs and records a validation (see `ValidationStudy`); `progress` hears (done, total)
    /// as scenarios finish.
    public func validate<S: Strategy>(_ type: S.Type, config: ExperimentConfig, grid: ParameterGrid = ParameterGrid(axes: []),
                                      configs: [ExperimentConfig] = [], clock: @escaping () -> Date = Date.init,
                                      progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> ValidationOutcome {
        try record(ValidationStudy<S>(config: config, grid: grid, configs: configs), clock: clock, progress: progress)
    }
}
