import Analysis
import Engine
import MarketData

/// What a finished run hands back to the CLI: where it went and what it measured.
public struct RunOutcome: Sendable {
    public var runDirectory: String
    public var config: ExperimentConfig
    public var metrics: PerformanceMetrics
    public var dataReport: ValidationReport
    public var result: BacktestResult

    /// The single JSON object `--json` prints.
    public var json: CanonicalValue {
        return .map([
            "run_dir": .string(runDirectory),
            "experiment": .string(config.name),
            "metrics": metrics.canonical,
            "data_checks": ExperimentRunner.checkCounts(dataReport),
        ])
    }
}
