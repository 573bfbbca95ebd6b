/// How the metrics are computed; written into metrics.json next to the numbers.
///
/// Defaults: `periodsPerYear` is inferred from the bars observed per year, snapped to a
/// usual figure within 5 % (`Annualization`: 1-minute crypto 525,600; daily stocks 252);
/// the risk-free rate is 0; CAGR counts calendar days (365.25 a year) from the first to the
/// last bar; drawdown is mark-to-market on the equity at every bar close.
public struct MetricConventions: Sendable, Equatable {
    public var periodsPerYear: Double?
    /// Annual rate, spread evenly over the periods.
    public var riskFreeRate: Double

    /// `metrics.profile`: whose definitions the headline ratios follow.
    public var profile: MetricProfile

    public init(periodsPerYear: Double? = nil, riskFreeRate: Double = 0, profile: MetricProfile = .quantbt) {
        (self.periodsPerYear, self.riskFreeRate, self.profile) = (periodsPerYear, riskFreeRate, profile)
    }

    /// `periodsPerYear` from the config, or the figure inferred from these timestamps
    /// (`Annualization.infer`), with where it came from.
    public func annualization(times: [Int64]) -> Annualization {
        if let periodsPerYear { return Annualization(periodsPerYear: periodsPerYear, source: "config") }
        return Annualization.infer(times: times)
    }

    public func resolvedPeriodsPerYear(times: [Int64]) -> Double { annualization(times: times).periodsPerYear }
}
