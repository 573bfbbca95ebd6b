/// The metric a sweep optimizes and walk-forward chooses by. Its raw value is the
/// metrics.json key, the text configs and artifacts use.
public enum SweepObjective: String, Sendable, CaseIterable {
    // In the order config errors list them.
    case sharpe, sortino
    case totalReturn = "total_return"
    case cagr
    case profitFactor = "profit_factor"
    case winRate = "win_rate"
    case expectancy
    case maxDrawdown = "max_drawdown"

    /// Every objective is maximized but max_drawdown, which is minimized.
    public var maximizes: Bool { self != .maxDrawdown }

    /// Shares of 1 (shown as percentages) rather than ratios.
    public var isFraction: Bool { self == .totalReturn || self == .cagr || self == .maxDrawdown || self == .winRate }

    public func value(_ m: PerformanceMetrics?) -> Double? { m?.value(named: rawValue) }

    /// Whether `a` beats `b` by this objective.
    public func isBetter(_ a: Double, than b: Double) -> Bool { maximizes ? a > b : a < b }
}

extension PerformanceMetrics {
    /// The metric under its metrics.json key; nil when undefined or unknown.
    public func value(named key: String) -> Double? { entries.first { $0.0 == key }?.1 }
}
