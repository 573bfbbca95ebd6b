import Config
import Analysis
import Engine
import Foundation
import MarketData
import Model
import Reports
import Store

/// A plain run (`quantbt run`, `quantbt backtest`): one backtest over the whole period,
/// written as trades, fills, equity, rejections, risk events and metrics.json.
package struct BacktestStudy<S: Strategy>: Study {
    package var config: ExperimentConfig
    package var strategyName: String { S.name }

    package func check(_ input: StudyInput) throws {
        try input.checkParameters(S.self, [config])
        try input.checkBenchmark(config.report)
    }

    package func compute(_ input: StudyInput, runner: ExperimentRunner, progress: ProgressHandler?) throws -> RunOutcome {
        var strategy = try ExperimentRunner.makeStrategy(S.self, config: config, symbols: input.symbols)
        // equity.csv is formatted on the other core while the backtest runs, into an unnamed
        // file beside the run folders (the folder itself is made after the backtest).
        try? FileManager.default.createDirectory(at: runner.artifacts, withIntermediateDirectories: true)
        let equityCSV = EquityCSVStream(in: runner.artifacts, every: config.equityEvery)
        var timer = PhaseTimer()
        let result = Backtest(series: input.series, config: input.backtest).run(&strategy, feed: equityCSV?.feed)
        timer.mark("  backtest")
        equityCSV?.close()
        let metrics = MetricsCalculator.compute(result, conventions: config.metrics)
        timer.mark("  metrics")
        progress?(1, 1)
        var outcome = RunOutcome(config: config, metrics: metrics, dataReport: input.data.report, result: result)
        outcome.equityCSV = equityCSV
        // Made when breakdowns.json is written, on one core while equity.csv is written on
        // the other (a year of minutes: about 40 ms each), not before the files.
        let series = input.series, calendar = input.backtest.calendar, riskFreeRate = config.metrics.riskFreeRate, options = config.report
        outcome.pendingBreakdowns = Once {
            var timer = PhaseTimer()  // QUANTBT_TIMINGS=1: make bench reports what the tearsheet costs
            defer { timer.mark("breakdowns") }
            return Breakdowns.compute(result, series: series, calendar: calendar, periodsPerYear: metrics.periodsPerYear,
                                      riskFreeRate: riskFreeRate, options: options).canonical
        }
        return outcome
    }

    /// The longest to make first (the writers take files in this order, as many at a time
    /// as there are workers): equity.csv, which `CSVArtifacts.all` lists first, and
    /// breakdowns.json, whose breakdowns are made when it is written.
    /// Last, the report's draft: whichever writer is free first renders it from the
    /// breakdowns (waiting for them if the other writer is still making them), so only its
    /// provenance section is left for the end.
    package func files(_ outcome: RunOutcome, runID: String) -> [RunFile] {
        let document = outcome.metricsDocument
        var csv = CSVArtifacts.all(outcome.result, every: config.equityEvery)
        if let stream = outcome.equityCSV { csv[0] = .placed(csv[0]) { stream.place(at: $0) } }  // equity.csv, formatted already
        let name = config.name
        return csv.prefix(1) + [.text("breakdowns.json") { outcome.breakdowns.json() }] + csv.dropFirst()
            + [.text("metrics.json") { document.json() },
               .work("report draft") {
                   let input = Self.tearsheetInput(outcome, experiment: name, runID: runID, provenance: nil)  // waits for the breakdowns
                   var timer = PhaseTimer()  // QUANTBT_TIMINGS=1: the rendering alone, for make bench
                   outcome.tearsheet.render(input)
                   timer.mark("report ahead")
               }]
    }

    package func indexedTrades(_ outcome: RunOutcome, runID: String) -> [TradeRecord]? {
        CSVArtifacts.tradeRecords(outcome.result, runID: runID)
    }

    /// The tearsheet, from the same values metrics.json, breakdowns.json and trades.csv hold.
    /// Built from the values in memory rather than read back: a year of minutes has 10,000
    /// trades, and the page is the same (`goldenReportsRebuild` checks it).
    package func finalFiles(_ outcome: RunOutcome, runID: String, provenance: CanonicalValue, folder: URL) -> [(name: String, text: String)] {
        var timer = PhaseTimer()
        defer { timer.mark("report") }
        return outcome.tearsheet.pages(Self.tearsheetInput(outcome, experiment: config.name, runID: runID, provenance: provenance))
    }

    static func tearsheetInput(_ outcome: RunOutcome, experiment: String, runID: String, provenance: CanonicalValue?) -> TearsheetInput {
        let trades = outcome.result.trades
        return TearsheetInput(experiment: experiment, runID: runID, metrics: outcome.metricsDocument, breakdowns: outcome.breakdowns,
                              tradeReturns: trades.map(\.returnFraction), tradeBars: trades.map(\.bars), provenance: provenance)
    }
}

extension ExperimentRunner {
    /// Runs one backtest of `config` and records it.
    public func run<S: Strategy>(_ type: S.Type, config: ExperimentConfig, clock: @escaping () -> Date = Date.init) throws -> RunOutcome {
        try record(BacktestStudy<S>(config: config), clock: clock)
    }

    /// Runs a strategy chosen at run time (a built-in named in a config or flag). The
    /// existential is opened once here; the engine loop itself stays generic.
    public func run(strategyType: any Strategy.Type, config: ExperimentConfig) throws -> RunOutcome {
        try run(strategyType, config: config)
    }
}

extension StudyInput {
    /// `report.benchmark` must name one of the run's symbols.
    func checkBenchmark(_ options: ReportOptions) throws {
        guard let name = options.benchmark, !symbols.contains(name) else { return }
        throw ConfigError("report.benchmark: '\(excerpt(name))' is not a symbol of this run; its symbols are \(symbols.joined(separator: ", ")); "
            + "name one of them, or remove the key to use the first")
    }
}
