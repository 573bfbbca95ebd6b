import Config
import Analysis
import Engine
import Foundation
import RunProvenance
import MarketData
import Model
import Store

/// Runs studies (a backtest, a validation, a sweep, a walk-forward) of an experiment and
/// records them under `<artifacts>/<experiment>/<run-id>/`.
public struct ExperimentRunner {
    /// The repository root: data paths in configs are relative to it.
    public var root: URL
    /// Runs go to `<artifacts>/<experiment>/<run-id>/`.
    public var artifacts: URL
    /// Where warnings (data checks) are printed.
    public var warn: (String) -> Void
    /// The most tasks run at once (loading, hashing, writing); any value gives the same
    /// artifacts, which `verify --runs` checks.
    public var workers: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Provenance: the folder whose git repository is recorded (default: `root`), the
    /// `--set` overrides given, and the toolchain (nil: detected during the run).
    public var gitFolder: URL?
    public var overrides: [String] = []
    public var toolchain: Toolchain?
    /// The results store every recorded run is indexed in (nil: `$QUANTBT_STORE`, else
    /// `<artifacts>/runs.sqlite`), and the tags it is indexed with (also in tags.json).
    public var storePath: String?
    public var tags: [String: String] = [:]

    public init(root: URL, artifacts: URL? = nil, warn: @escaping (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) {
        self.root = root
        self.artifacts = artifacts ?? root.appendingPathComponent("artifacts")
        self.warn = warn
    }

    /// The one way every study is run and recorded: check the strategy, start the
    /// provenance reads, load and check the data, compute, then write the run folder
    /// (`.partial-` first, every file hashed into the manifest, renamed into place, `latest`
    /// moved). Nothing is left behind when any step fails.
    package func record<St: Study>(_ study: St, clock: @escaping () -> Date = Date.init, progress: ProgressHandler? = nil) throws -> St.Outcome {
        let config = study.config
        if config.strategy != study.strategyName {
            throw ConfigError("strategy: the config names '\(config.strategy)' but this experiment runs '\(study.strategyName)'; "
                + "remove the strategy key or set it to '\(study.strategyName)'")
        }
        let started = clock()
        var timer = PhaseTimer()
        let input = try prepare(config)
        // The data files are hashed on another thread meanwhile: collected on every way out,
        // so no thread is left reading when the process exits on an error.
        defer { _ = try? input.data.fileRecords() }
        try study.check(input)
        timer.mark("load")
        // Started once the data is loaded, to run beside the backtest (which keeps one core
        // busy) rather than against the parse (which keeps both): libgit2 alone reads and
        // parses the system's CA certificates when it starts.
        let provenanceReads = startProvenanceReads()
        // Collected on every way out: a process that exits on an error while libgit2 is still
        // reading on another thread crashes in its exit handlers (seen: signal 11 in 1 of 3).
        defer { _ = provenanceReads.value }
        // Opening the store and writing the running row overlap the computation.
        let opening = IndexedRecording.begin(runner: self, kind: St.Outcome.kind, experiment: config.name, started: started)
        var outcome: St.Outcome
        let url: URL
        let staged: IndexedRecording.Staged?
        do {
            outcome = try study.compute(input, runner: self, progress: progress)
            timer.mark("compute")
            (url, staged) = try write(study, outcome, input: input, started: started, provenanceReads: provenanceReads,
                                      recording: opening.value, clock: clock)
        } catch {
            opening.value?.failed(error)
            throw error
        }
        timer.mark("files and commit")
        opening.value?.succeeded(url, staged: staged)
        timer.mark("index")
        outcome.runDirectory = url.path(relativeTo: root)
        try study.recorded(outcome, runID: url.lastPathComponent, runner: self)
        return outcome
    }

    /// Writes the run folder: `.partial-` first, every file hashed into the manifest, then
    /// provenance, renamed into place, `latest` moved. Nothing is left behind on failure.
    /// The run's save into the results store starts once its files are written (see
    /// `IndexedRecording.stage`) and is returned, to be finished or cancelled.
    private func write<St: Study>(_ study: St, _ outcome: St.Outcome, input: StudyInput, started: Date,
                                  provenanceReads: BackgroundTask<(Result<GitState?, ProvenanceError>, Toolchain)>,
                                  recording: IndexedRecording?, clock: @escaping () -> Date) throws -> (URL, IndexedRecording.Staged?) {
        let config = study.config
        let configText = config.canonical.yaml()
        let runID = Self.runID(time: clock(), configText: configText)
        var directory = try RunDirectory(parent: artifacts.appendingPathComponent(config.name), runID: runID)
        let url: URL
        var staged: IndexedRecording.Staged?
        var timer = PhaseTimer()
        do {
            // The index saves the run's trades while its files are written, reads the files'
            // rows once they are, and commits once the folder is final: under the name the
            // folder will take (`<id>-2` when the id is taken). The trade rows are made on the
            // save's thread (about 2 ms for 10,000 trades).
            let staging = directory.staging, name = directory.expectedName
            nonisolated(unsafe) let (study, outcome) = (study, outcome)
            staged = recording?.stage(staging, runID: name) { study.indexedTrades(outcome, runID: name) }
            let tags = CanonicalValue.map(self.tags.mapValues { .string($0) }).json()
            try directory.writeConcurrently([.text("config.yaml") { configText }] + study.files(outcome, runID: runID)
                                            + (self.tags.isEmpty ? [] : [.text("tags.json", hashed: false) { tags }]), workers: workers)
            staged?.rowsReady()
            timer.mark("files")
            let (git, toolchain) = provenanceReads.value
            timer.mark("provenance")
            let holdout = study.holdoutEvaluations(outcome)
            url = try directory.commit { manifestSHA in
                var provenance = Provenance(
                    experiment: config.name, runID: runID, git: nil, gitError: nil, configSHA256: RunDirectory.sha256(Data(configText.utf8)),
                    overrides: overrides, data: try input.data.fileRecords(), toolchain: toolchain, seed: config.seed, workers: workers, started: started,
                    finished: clock())
                switch git {
                case .success(let state): provenance.git = state
                case .failure(let error): provenance.gitError = "\(error)"
                }
                provenance.holdoutEvaluations = holdout
                let document = provenance.document(manifestSHA256: manifestSHA)
                return try [("provenance.json", document.json())] + study.finalFiles(outcome, runID: runID, provenance: document, folder: staging)
            }
        } catch {
            staged?.cancel()  // before the recording marks the run failed: the save holds the store's writer
            directory.discard()
            throw error
        }
        return (url, staged)
    }

    /// Loads and checks the data, then resolves what needs it: the execution checks against
    /// its span and the trading calendar of `time_zone` over it.
    func prepare(_ config: ExperimentConfig) throws -> StudyInput {
        let input = try InputData.load(config, root: root, workers: workers)
        if input.report.issueCount > 0 {
            warn("warning: data checks flagged \(input.report.issueCount) rows (\(Self.describeCounts(input.report))); first ones:")
            for m in input.report.messages { warn("  \(m)") }
        }
        var backtest = config.backtest
        let first = input.series.compactMap(\.times.first).min() ?? 0, last = input.series.compactMap(\.times.last).max() ?? 0
        try ExecutionReader.check(backtest.execution, first: first, last: last)
        backtest.calendar = ZoneCalendar.calendar(config.timeZone, first: first, last: last)
        return StudyInput(data: input, backtest: backtest)
    }

    /// The strategy built from `params`; a parameter it does not read is an error.
    static func makeStrategy<S: Strategy>(_ type: S.Type, config: ExperimentConfig, symbols: [String]) throws -> S {
        let parameters = Parameters(strategy: S.name, symbols: symbols, values: config.parameters)
        let strategy = try S(parameters: parameters)
        try parameters.checkAllRead()
        return strategy
    }

    /// git status and `swift --version` take tens of milliseconds each: started first,
    /// collected when the artifacts are written.
    func startProvenanceReads() -> BackgroundTask<(Result<GitState?, ProvenanceError>, Toolchain)> {
        let folder = gitFolder ?? root, given = toolchain
        return BackgroundTask {
            var timer = PhaseTimer()
            defer { timer.mark("  git and swift versions") }
            let git: Result<GitState?, ProvenanceError>
            do { git = .success(try GitInspector.state(of: folder)) } catch { git = .failure(ProvenanceError("\(error)")) }
            return (git, given ?? Toolchain.detect())
        }
    }

    /// `20261121T182352Z-1a2b3c4d`: when it ran, and which resolved config it ran.
    static func runID(time: Date, configText: String) -> String {
        let ms = Int64((time.timeIntervalSince1970 * 1000).rounded(.down))
        let iso = Timestamp(milliseconds: ms - ms % 1000).description
        let compact = iso.filter { $0 != "-" && $0 != ":" }
        return compact + "-" + RunDirectory.sha256(Data(configText.utf8)).prefix(8)
    }

    static func checkCounts(_ report: ValidationReport) -> CanonicalValue {
        .map(Dictionary(uniqueKeysWithValues: DataCheck.allCases.map { ($0.rawValue, .int(report.counts[$0] ?? 0)) }))
    }

    static func describeCounts(_ report: ValidationReport) -> String {
        DataCheck.allCases.compactMap { c in report.counts[c].map { "\(c.rawValue): \($0)" } }.joined(separator: ", ")
    }
}

extension ExperimentRunner {
    /// When `config` names a built-in strategy, its parameters are checked as a run checks
    /// them (types, ranges, unknown names), without data; a custom strategy's are checked
    /// by its own executable when it runs. The job server refuses a bad job with it.
    package static func checkBuiltInParameters(_ config: ExperimentConfig) throws {
        guard let type = BuiltInStrategies.all.first(where: { $0.name == config.strategy }) else { return }
        func check<S: Strategy>(_ t: S.Type) throws { _ = try makeStrategy(S.self, config: config, symbols: config.symbolNames) }
        try check(type)
    }
}
