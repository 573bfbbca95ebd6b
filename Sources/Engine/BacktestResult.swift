import Model

/// What a run produced, in the order it happened.
public struct BacktestResult: Sendable {
    public var symbols: [String]
    /// One entry per timestamp of the merged timeline.
    public var times: [Int64]
    public var equity: [Double]
    public var cash: [Double]
    public var fills: [Fill]
    public var trades: [Trade]
    public var rejections: [Rejection]
    public var ordersSubmitted: Int
    /// Timestamps at whose close at least one position was open.
    public var exposedBars: Int
    /// Symbol bars the strategy saw (for several symbols, more than `times.count`).
    public var barsProcessed: Int
    public var openPositionsAtEnd: Int
    public var initialCapital: Double
}
