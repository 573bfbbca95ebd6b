/// Exponential moving average, seeded with the simple average of the first `period` values
/// (the common convention; the value is NaN before).
///
/// `EMA(period:)` smooths with `alpha = 2 / (period + 1)`; `EMA.wilder(period:)` with
/// `alpha = 1 / period`, Wilder's smoothing, the basis of ATR and RSI.
///
/// - Complexity: O(1) per update.
public struct EMA: Sendable {
    public let period: Int
    public let alpha: Double
    private var seedSum = 0.0
    private var seen = 0
    public private(set) var value = Double.nan

    public init(period: Int) { self.init(period: period, alpha: 2.0 / Double(period + 1)) }

    public init(period: Int, alpha: Double) {
        precondition(period > 0, "EMA period must be positive")
        precondition(alpha > 0 && alpha <= 1, "EMA alpha must be in (0, 1]")
        (self.period, self.alpha) = (period, alpha)
    }

    /// Wilder's smoothing: alpha = 1 / period.
    public static func wilder(period: Int) -> EMA { EMA(period: period, alpha: 1.0 / Double(period)) }

    public var isReady: Bool { seen >= period }

    public mutating func update(_ x: Double) {
        seen += 1
        if seen < period {
            seedSum += x
        } else if seen == period {
            value = (seedSum + x) / Double(period)
        } else {
            value += alpha * (x - value)
        }
    }
}
