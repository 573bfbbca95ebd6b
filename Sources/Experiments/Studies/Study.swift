import Config
import Analysis
import Engine
import Foundation
import Store
import Model
import Reports

/// One kind of run: a backtest, a validation, a sweep or a walk-forward. A study says
/// what it computes from the loaded data and which files it writes; everything else
/// (check, load, name, write, hash, rename, `latest`) is `ExperimentRunner.record`'s, the
/// one way in that every kind of run goes through.
package protocol Study {
    associatedtype Outcome: RecordedOutcome

    /// The config the run is named after (its hash is in the run id) and writes as config.yaml.
    var config: ExperimentConfig { get }
    /// The strategy's name, checked against the config's `strategy:` before any work.
    var strategyName: String { get }

    /// Rejects bad input (parameters, windows that do not fit) before the run is indexed as
    /// running, so bad input leaves nothing behind.
    func check(_ input: StudyInput) throws

    /// Runs the backtests on `input` (loaded and checked) and analyses them. Reports
    /// (done, total) to `progress` as backtests finish. Writes nothing.
    func compute(_ input: StudyInput, runner: ExperimentRunner, progress: ProgressHandler?) throws -> Outcome

    /// The files of the run folder besides config.yaml, manifest.json and provenance.json.
    func files(_ outcome: Outcome, runID: String) -> [RunFile]

    /// Files written last, once provenance is known (it names the manifest's hash): the
    /// report, built from the hashed files (`folder` holds them, written) and provenance.
    /// Not hashed.
    func finalFiles(_ outcome: Outcome, runID: String, provenance: CanonicalValue, folder: URL) throws -> [(name: String, text: String)]

    /// How often the holdout has been evaluated, this run included (provenance); nil: it
    /// was not read.
    func holdoutEvaluations(_ outcome: Outcome) -> Int?

    /// The rows of the run's trades.csv for the results store, from the values it was
    /// written from; nil: the store reads them back from the file.
    func indexedTrades(_ outcome: Outcome, runID: String) -> [TradeRecord]?

    /// What follows a recorded run (validate counts its look at the holdout).
    func recorded(_ outcome: Outcome, runID: String, runner: ExperimentRunner) throws
}

extension Study {
    /// The report `quantbt report` would build from the folder's files.
    package func finalFiles(_ outcome: Outcome, runID: String, provenance: CanonicalValue, folder: URL) throws -> [(name: String, text: String)] {
        ReportRebuilder.rendered(try ReportRebuilder.report(folder, label: runID, experiment: config.name, provenance: provenance))
    }
    package func holdoutEvaluations(_ outcome: Outcome) -> Int? { nil }
    package func indexedTrades(_ outcome: Outcome, runID: String) -> [TradeRecord]? { nil }
    package func recorded(_ outcome: Outcome, runID: String, runner: ExperimentRunner) throws {}
}

/// Hears (done, total) as a study's backtests finish; safe to call from any thread.
package typealias ProgressHandler = @Sendable (Int, Int) -> Void

/// What every study starts from: the data, loaded and checked, and the backtest config
/// resolved against it (execution checks, the trading calendar of `time_zone`).
package struct StudyInput: Sendable {
    var data: InputData
    package var backtest: BacktestConfig
    package var series: [BarSeries] { data.series }
    package var symbols: [String] { data.series.map(\.symbol) }
}

/// One file of a run folder, made when it is written (files are built, written and hashed
/// concurrently). Reports are not hashed: they show the run id.
package struct RunFile: Sendable {
    package var name: String
    package var hashed: Bool
    /// The file's bytes, made whole; or written piece by piece into a sink (`stream`).
    package var make: @Sendable () -> [UInt8]
    var stream: (@Sendable (ArtifactSink) -> Void)?

    package init(_ name: String, hashed: Bool = true, make: @escaping @Sendable () -> [UInt8]) {
        (self.name, self.hashed, self.make) = (name, hashed, make)
    }

    /// A large file formatted straight into the file and its hash, never whole in memory.
    /// `make` still gives its bytes (for anything that wants them whole).
    init(streamed name: String, hashed: Bool = true, _ stream: @escaping @Sendable (ArtifactSink) -> Void) {
        (self.name, self.hashed, self.stream) = (name, hashed, stream)
        make = { ArtifactSink.collect(name: name, stream) }
    }

    package static func text(_ name: String, hashed: Bool = true, _ make: @escaping @Sendable () -> String) -> RunFile {
        RunFile(name, hashed: hashed) { Array(make().utf8) }
    }

    /// Not a file: work for the writers beside the files, which nothing is written or
    /// hashed for (a tearsheet rendered ahead of the manifest). `label` names it in
    /// `QUANTBT_TIMINGS=1`'s output.
    package static func work(_ label: String, _ body: @escaping @Sendable () -> Void) -> RunFile {
        var item = RunFile(label, hashed: false) { [] }
        item.work = body
        return item
    }

    var work: (@Sendable () -> Void)?

    /// A file made ahead: `place` puts it at the given URL and returns its SHA-256, or nil
    /// when it could not, and then the file is made as `file` makes it.
    static func placed(_ file: RunFile, _ place: @escaping @Sendable (URL) -> String?) -> RunFile {
        var item = file
        item.place = place
        return item
    }

    var place: (@Sendable (URL) -> String?)?
}
