import Analysis
import Engine
import Foundation
import MarketData
import Model

/// Runs one backtest for a config and writes its artifacts:
/// load and check data → build the strategy from `params` → run → metrics → files.
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

    public init(root: URL, artifacts: URL? = nil, warn: @escaping (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) {
        self.root = root
        self.artifacts = artifacts ?? root.appendingPathComponent("artifacts")
        self.warn = warn
    }

    public func run<S: Strategy>(_ type: S.Type, config: ExperimentConfig, clock: @escaping () -> Date = Date.init) throws -> RunOutcome {
        try checkStrategy(S.self, config)
        let started = clock()
        let provenanceReads = startProvenanceReads()
        var timer = PhaseTimer()
        let (input, backtest) = try prepare(config)
        timer.mark("load")
        var strategy = try Self.makeStrategy(S.self, config: config, symbols: input.series.map(\.symbol))
        let result = Backtest(series: input.series, config: backtest).run(&strategy)
        timer.mark("engine")
        let metrics = MetricsCalculator.compute(result, conventions: config.metrics)
        timer.mark("metrics")

        let runID = Self.runID(time: clock(), configText: config.canonical.yaml())
        let document = metricsDocument(metrics, result: result, input: input, config: config)
        let directory = try commitRun(config, runID: runID, started: started, data: input.files, provenanceReads: provenanceReads, clock: clock) { directory in
            try directory.writeConcurrently(CSVArtifacts.all(result, every: config.equityEvery), workers: workers)
            timer.mark("csv files")
            try directory.write("metrics.json", text: document.json())
        }
        timer.mark("provenance and commit")
        return RunOutcome(runDirectory: directory, config: config, metrics: metrics, dataReport: input.report, result: result)
    }

    /// Loads and checks the data, then resolves what needs it: the execution checks against
    /// its span and the trading calendar of `time_zone` over it.
    func prepare(_ config: ExperimentConfig) throws -> (InputData, BacktestConfig) {
        let input = try InputData.load(config, root: root, workers: workers)
        if input.report.issueCount > 0 {
            warn("warning: data checks flagged \(input.report.issueCount) rows (\(Self.describeCounts(input.report))); first ones:")
            for m in input.report.messages { warn("  \(m)") }
        }
        var backtest = config.backtest
        let first = input.series.compactMap(\.times.first).min() ?? 0, last = input.series.compactMap(\.times.last).max() ?? 0
        try ExecutionReader.check(backtest.execution, first: first, last: last)
        backtest.calendar = ZoneCalendar.calendar(config.timeZone, first: first, last: last)
        return (input, backtest)
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

    func metricsDocument(_ m: PerformanceMetrics, result: BacktestResult, input: InputData, config: ExperimentConfig) -> CanonicalValue {
        var byRule: [String: CanonicalValue] = [:]
        for r in result.rejections { if case .int(let n) = byRule[r.rule] ?? .int(0) { byRule[r.rule] = .int(n + 1) } }
        var eventCounts: [String: [String: Int]] = [:]  // rule → action → count
        for e in result.riskEvents { eventCounts[e.rule, default: [:]][e.action.rawValue, default: 0] += 1 }
        let events = eventCounts.mapValues { CanonicalValue.map($0.mapValues { .int($0) }) }
        return .map([
            "metrics": m.canonical,
            "conventions": .map([
                "periods_per_year": .number(m.periodsPerYear),
                "periods_per_year_source": .string(config.metrics.periodsPerYear == nil ? "inferred from bar spacing, 365-day year" : "config"),
                "risk_free_rate": .number(config.metrics.riskFreeRate),
                "returns": .string("simple per-bar returns of equity at bar closes; the first from initial capital"),
                "sharpe": .string("mean excess return / sample std (n-1) * sqrt(periods_per_year)"),
                "sortino": .string("mean excess return / sqrt(mean(min(excess, 0)^2)) * sqrt(periods_per_year)"),
                "cagr": .string("calendar days from first to last bar, 365.25 days a year"),
                "drawdown": .string("mark-to-market at every bar close, from the running peak (initial capital included)"),
                "trades": .string("closed round trips only; positions still open at the end are in equity, not in trade stats"),
            ]),
            "data": .map([
                "symbols": .list(result.symbols.map { .string($0) }),
                "rows_read": .int(input.report.rowsRead),
                "rows_kept": .int(input.report.rowsKept),
                "checks": Self.checkCounts(input.report),
                "first_bar": .string(Timestamp(milliseconds: result.times.first ?? 0).description),
                "last_bar": .string(Timestamp(milliseconds: result.times.last ?? 0).description),
            ]),
            "rejections_by_rule": .map(byRule),
            "risk_events": .map(events),
            "orders": .map([
                "submitted": .int(result.ordersSubmitted), "cancelled": .int(result.ordersCancelled),
                "expired": .int(result.ordersExpired), "replaces_failed": .int(result.replacesFailed),
            ]),
            "open_positions_at_end": .int(result.openPositionsAtEnd),
        ])
    }

    static func checkCounts(_ report: ValidationReport) -> CanonicalValue {
        .map(Dictionary(uniqueKeysWithValues: DataCheck.allCases.map { ($0.rawValue, .int(report.counts[$0] ?? 0)) }))
    }

    static func describeCounts(_ report: ValidationReport) -> String {
        DataCheck.allCases.compactMap { c in report.counts[c].map { "\(c.rawValue): \($0)" } }.joined(separator: ", ")
    }
}

extension ExperimentRunner {
    /// Runs a strategy chosen at run time (a built-in named in a config or flag). The
    /// existential is opened once here; the engine loop itself stays generic.
    public func run(strategyType: any Strategy.Type, config: ExperimentConfig) throws -> RunOutcome {
        try run(strategyType, config: config)
    }
}
