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
    public func validate<S: Strategy>(_ type: S.Type, config: ExperimentConfig, clock: @escaping () -> Date = Date.init,
                                      progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> ValidationOutcome {
        if config.strategy != S.name {
            throw ConfigError("strategy: the config names '\(config.strategy)' but this experiment runs '\(S.name)'; "
                + "remove the strategy key or set it to '\(S.name)'")
        }
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

        let configText = config.canonical.yaml()
        let configSHA = RunDirectory.sha256(Data(configText.utf8))
        let runID = Self.runID(time: clock(), configText: configText)
        let experimentFolder = artifacts.appendingPathComponent(config.name)
        var directory = try RunDirectory(parent: experimentFolder, runID: runID)
        let ledger = HoldoutLedger(experimentArtifacts: experimentFolder)
        let evaluates = config.validation.splits.contains { $0.name == "holdout" }
        var outcome = ValidationOutcome(runDirectory: "", config: config, entries: entries,
                                        holdoutEvaluations: ledger.count + (evaluates ? 1 : 0))
        do {
            try directory.write("config.yaml", text: configText)
            var files: [(name: String, make: @Sendable () -> [UInt8])] = []
            for entry in entries {
                guard let result = entry.result, let metrics = entry.metrics else { continue }
                files += CSVArtifacts.all(result, every: config.equityEvery, prefix: entry.scenario.folder)
                let document = CanonicalValue.map(["scenario": .string(entry.scenario.name), "summary": .string(entry.scenario.summary),
                                                   "metrics": metrics.canonical, "facts": .map(entry.scenario.facts)])
                files.append((entry.scenario.folder + "metrics.json", { Array(document.json().utf8) }))
            }
            try directory.writeConcurrently(files, workers: workers)
            try directory.write("validation.json", text: outcome.document.json())
            try directory.write("report.md", text: ValidationPages.markdown(outcome, runID: runID), hashed: false)
            try directory.write("report.html", text: ValidationPages.html(outcome, runID: runID), hashed: false)
            let (git, toolchain) = provenanceReads.value
            let holdout = outcome.holdoutEvaluations
            let url = try directory.commit { manifestSHA in
                var provenance = Provenance(
                    experiment: config.name, runID: runID, git: nil, gitError: nil, configSHA256: configSHA, overrides: overrides,
                    data: input.files, toolchain: toolchain, seed: config.seed, workers: workers, started: started, finished: clock())
                switch git {
                case .success(let state): provenance.git = state
                case .failure(let error): provenance.gitError = "\(error)"
                }
                provenance.holdoutEvaluations = evaluates ? holdout : nil
                return [("provenance.json", provenance.document(manifestSHA256: manifestSHA).json())]
            }
            if evaluates { _ = try ledger.record(runID: url.lastPathComponent, configSHA256: configSHA) }
            outcome.runDirectory = url.path(relativeTo: root)
            return outcome
        } catch {
            directory.discard()
            throw error
        }
    }
}

/// Counts finished tasks across threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
