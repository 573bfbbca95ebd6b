/// `report:` in experiment.yaml: what a plain run's breakdowns.json and tearsheet compare
/// against. Hashed with the config: breakdowns.json depends on it.
public struct ReportOptions: Sendable, Equatable {
    /// `report.benchmark`: the symbol whose buy-and-hold is the benchmark (nil: the first symbol).
    public var benchmark: String?
    /// `report.rolling_window`: bars in the rolling Sharpe window (nil: half a year of bars).
    public var rollingWindow: Int?

    public init(benchmark: String? = nil, rollingWindow: Int? = nil) {
        (self.benchmark, self.rollingWindow) = (benchmark, rollingWindow)
    }
}
