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
    /// Trips, resets, halts, flattenings and forced exits, in time order.
    public var riskEvents: [RiskEvent]
    public var ordersSubmitted: Int
    /// Orders cancelled (by the strategy, a replace, one-cancels-other or a forced exit),
    /// expired (time in force `day`), and replaces that came too late (the order had filled).
    public var ordersCancelled: Int
    public var ordersExpired: Int
    public var replacesFailed: Int
    /// Orders submitted outside `tradingWindows`, dropped unseen by the venue.
    public var ordersOutsideWindows: Int
    /// Per timestamp: whether a position was open at its close (for metrics over a part of
    /// the timeline).
    public var exposedAtClose: [Bool]
    /// Timestamps at whose close at least one position was open.
    public var exposedBars: Int
    /// Symbol bars the strategy saw (for several symbols, more than `times.count`).
    public var barsProcessed: Int
    public var openPositionsAtEnd: Int
    public var initialCapital: Double
}
