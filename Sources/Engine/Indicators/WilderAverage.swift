/// Wilder's smoothing (an EMA with `alpha = 1 / period`), seeded with the simple average of
/// the first `period` values. The basis of ATR and RSI.
///
/// - Complexity: O(1) per update.
public struct WilderAverage: Sendable {
    public let period: Int
    private var seedSum = 0.0
    private var seen = 0
    public private(set) var value = Double.nan

    public init(period: Int) {
        precondition(period > 0, "period must be positive")
        self.period = period
    }

    public var isReady: Bool { seen >= period }

    public mutating func update(_ x: Double) {
        seen += 1
        if seen < period {
            seedSum += x
        } else if seen == period {
            value = (seedSum + x) / Double(period)
        } else {
            value += (x - value) / Double(period)
        }
    }
}
