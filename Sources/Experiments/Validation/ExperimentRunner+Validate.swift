import Analysis
import Engine
import Foundation
import Model

extension ExperimentRunner {
    /// `quantbt validate`: the baseline, every split and every stress scenario, each its own
    /// backtest (run concurrently; the artifacts do not depend on the order they finish in),
    /// written to one run folder with validation.json and the reports.
    ///
    /// `progress` hears (done, total) as scenarios finish.
    ///
    /// With a sweep grid (`sweep:`, resolved into one config per combination by the caller),
    /// it also runs the sweep on train and the walk-forward folds, and the report shows their
    /// heatmaps, fold table and stitched equity.
    public func validate<S: Strategy>(_ type: S.Type, config: ExperimentConfig, grid: ParameterGrid = ParameterGrid(axes: []),
                                      configs: [ExperimentConfig] = [], clock: @escaping () -> Date = Date.init,
                                      progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> ValidationOutcome {
        try checkStrategy(S.self, config)
        let started = clock()
        let provenanceReads = startProvenanceReads()
        let (input, backtest) = try prepare(config)
        _ = try Self.makeStrategy(S.self, config: config, symbols: input.series.map(\.symbol))  // parameter errors before any work
        let scenarios = try ValidationScenarios.make(plan: config.validation, series: input.series, base: backtest, seed: config.seed)
        let done = Counter()
        let results = try scenarios.orderedConcurrentMap(workers: workers) { scenario -> BacktestResult? in
            defer { progress?(done.increment(), scenarios.count) }
            return scenario.isEmpty ? nil : try scenario.run(S.self, experiment: config)
        }
        let entries = zip(scenarios, results).map { scenario, result in
            ValidationOutcome.Entry(scenario: scenario, result: result, metrics: result.map { MetricsCalculator.compute($0, conventions: config.metrics) })
        }
        let sweep = grid.isEmpty ? nil
            : try computeSweep(S.self, base: config, grid: grid, configs: configs, input: input, backtest: backtest, progress: progress)
        let walkForward = grid.isEmpty ? nil
            : try computeWalkForward(S.self, base: config, grid: grid, configs: configs, input: input, backtest: backtest, progress: progress)

        let configText = config.canonical.yaml()
        let runID = Self.runID(time: clock(), configText: configText)
        let experimentFolder = artifacts.appendingPathComponent(config.name)
        let ledger = HoldoutLedger(experimentArtifacts: experimentFolder)
        let evaluates = config.validation.splits.contains { $0.name == "holdout" }
        var outcome = ValidationOutcome(runDirectory: "", config: config, entries: entries,
                                        holdoutEvaluations: ledger.count + (evaluates ? 1 : 0), sweep: sweep, walkForward: walkForward)
        var files: [(name: String, make: @Sendable () -> [UInt8])] = []
        for entry in entries {
            guard let result = entry.result, let metrics = entry.metrics else { continue }
            files += CSVArtifacts.all(result, every: config.equityEvery, prefix: entry.scenario.folder)
            let document = CanonicalValue.map(["scenario": .string(entry.scenario.name), "summary": .string(entry.scenario.summary),
                                               "metrics": metrics.canonical, "facts": .map(entry.scenario.facts)])
            files.append((entry.scenario.folder + "metrics.json", { Array(document.json().utf8) }))
        }
        let written = outcome
        outcome.runDirectory = try commitRun(config, runID: runID, started: started, data: input.files, provenanceReads: provenanceReads,
                                             clock: clock, holdoutEvaluations: evaluates ? written.holdoutEvaluations : nil) { directory in
            try directory.writeConcurrently(files, workers: workers)
            try directory.write("validation.json", text: written.document.json())
            if let sweep = written.sweep {
                try directory.write("sweep/results.csv", text: sweep.resultsCSV)
                try directory.write("sweep/sweep.json", text: sweep.document.json())
            }
            if let walkForward = written.walkForward {
                try directory.write("walk-forward/walk_forward.json", text: walkForward.document.json())
                try directory.write("walk-forward/oos_equity.csv", text: walkForward.stitchedCSV)
            }
            try directory.write("report.md", text: ValidationPages.markdown(written, runID: runID), hashed: false)
            try directory.write("report.html", text: ValidationPages.html(written, runID: runID), hashed: false)
        }
        if evaluates {
            _ = try ledger.record(runID: URL(fileURLWithPath: outcome.runDirectory).lastPathComponent, configSHA256: RunDirectory.sha256(Data(configText.utf8)))
        }
        return outcome
    }
}
