/// How a metric changed from a reference (train, or the baseline) to another run: the
/// difference, and the change relative to the reference's size.
public struct Degradation: Sendable, Equatable {
    public var reference: Double?
    public var value: Double?

    public init(reference: Double?, value: Double?) {
        (self.reference, self.value) = (reference, value)
    }

    /// value − reference; nil when either is undefined.
    public var delta: Double? {
        guard let reference, let value else { return nil }
        return value - reference
    }

    /// (value − reference) / |reference|; nil when the reference is 0 or undefined.
    public var relative: Double? {
        guard let delta, let reference, reference != 0 else { return nil }
        return delta / abs(reference)
    }

    /// The metrics the split and stress tables compare, with their metrics.json keys.
    public static let compared: [(key: String, value: @Sendable (PerformanceMetrics) -> Double?)] = [
        ("total_return", { $0.totalReturn }), ("cagr", { $0.cagr }), ("sharpe", { $0.sharpe }), ("sortino", { $0.sortino }),
        ("max_drawdown", { $0.maxDrawdown }), ("win_rate", { $0.winRate }), ("profit_factor", { $0.profitFactor }),
        ("trades", { Double($0.trades) }),
    ]
}
