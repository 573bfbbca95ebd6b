/// How the metrics are computed; written into metrics.json next to the numbers.
///
/// Defaults: `periodsPerYear` is inferred from the most common bar spacing on a 365-day
/// calendar (1-minute bars: 525,600; daily: 365; set 252 for daily equity sessions);
/// the risk-free rate is 0; CAGR counts calendar days (365.25 a year) from the first to the
/// last bar; drawdown is mark-to-market on the equity at every bar close.
public struct MetricConventions: Sendable, Equatable {
    public var periodsPerYear: Double?
    /// Annual rate, spread evenly over the periods.
    public var riskFreeRate: Double

    public init(periodsPerYear: Double? = nil, riskFreeRate: Double = 0) {
        (self.periodsPerYear, self.riskFreeRate) = (periodsPerYear, riskFreeRate)
    }

    /// `periodsPerYear`, or the inferred value for these timestamps.
    public func resolvedPeriodsPerYear(times: [Int64]) -> Double {
        if let periodsPerYear { return periodsPerYear }
        guard times.count > 1 else { return 365 }
        var counts: [Int64: Int] = [:]
        for i in 1..<min(times.count, 10_001) { counts[times[i] - times[i - 1], default: 0] += 1 }
        // Most common step; ties broken by the smaller step, so the result is deterministic.
        let step = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key
        return (365 * 86_400_000 / Double(max(step, 1))).rounded()
    }
}
