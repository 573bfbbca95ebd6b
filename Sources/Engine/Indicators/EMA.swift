/// Exponential moving average with `alpha = 2 / (period + 1)`, seeded with the simple
/// average of the first `period` values (the common convention; the value is NaN before).
///
/// - Complexity: O(1) per update.
public struct EMA: Sendable {
    public let period: Int
    public let alpha: Double
    private var seedSum = 0.0
    private var seen = 0
    public private(set) var value = Double.nan

    public init(period: Int) {
        precondition(period > 0, "EMA period must be positive")
        self.period = period
        alpha = 2.0 / Double(period + 1)
    }

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
