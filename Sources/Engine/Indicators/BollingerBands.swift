/// Bollinger bands: the simple average of the last `period` values ± `width` population
/// standard deviations.
///
/// The deviation comes from a second compensated window over squared deviations from a
/// fixed pivot (the first value seen), which avoids the cancellation of `E[x²] − E[x]²` on
/// large prices.
///
/// - Complexity: O(1) per update.
public struct BollingerBands: Sendable {
    public let period: Int
    public let width: Double
    private var values: RollingWindow
    private var shiftedSquares: RollingWindow
    private var shifted: RollingWindow
    private var pivot = Double.nan

    public init(period: Int, width: Double = 2) {
        precondition(period > 0, "Bollinger period must be positive")
        (self.period, self.width) = (period, width)
        values = RollingWindow(capacity: period)
        shiftedSquares = RollingWindow(capacity: period)
        shifted = RollingWindow(capacity: period)
    }

    public var isReady: Bool { values.isFull }
    public var middle: Double { isReady ? values.total / Double(period) : .nan }

    public var standardDeviation: Double {
        guard isReady else { return .nan }
        let n = Double(period)
        let m = shifted.total / n
        return max(shiftedSquares.total / n - m * m, 0).squareRoot()
    }

    public var upper: Double { middle + width * standardDeviation }
    public var lower: Double { middle - width * standardDeviation }

    public mutating func update(_ x: Double) {
        if pivot.isNaN { pivot = x }
        let d = x - pivot
        values.push(x)
        shifted.push(d)
        shiftedSquares.push(d * d)
    }
}
