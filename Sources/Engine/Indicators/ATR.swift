/// Average true range, Wilder-smoothed. The first bar's true range is its high − low
/// (there is no previous close); later ones are max(high − low, |high − prev close|,
/// |low − prev close|).
///
/// - Complexity: O(1) per update.
public struct ATR: Sendable {
    private var average: EMA
    private var previousClose = Double.nan

    public init(period: Int) { average = .wilder(period: period) }

    public var period: Int { average.period }
    public var isReady: Bool { average.isReady }
    public var value: Double { average.value }

    public mutating func update(high: Double, low: Double, close: Double) {
        var tr = high - low
        if !previousClose.isNaN {
            tr = max(tr, abs(high - previousClose), abs(low - previousClose))
        }
        previousClose = close
        average.update(tr)
    }
}
