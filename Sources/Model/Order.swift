/// How an order is priced.
public enum OrderKind: Sendable, Equatable {
    /// Fills at the next bar's open (or this bar's close with `execution.fill: close`).
    case market
    /// Buy at `price` or lower, sell at `price` or higher.
    case limit(price: Double)
    /// Becomes a market order once the price trades through `price`.
    case stop(price: Double)
    /// Becomes a limit order at `limit` once the price trades through `stop`.
    case stopLimit(stop: Double, limit: Double)

    public var name: String {
        switch self {
        case .market: "market"
        case .limit: "limit"
        case .stop: "stop"
        case .stopLimit: "stop_limit"
        }
    }
}

/// How much an order asks for.
public enum OrderSize: Sendable, Equatable {
    /// A quantity in base units (shares, coins) on the order's side; always positive.
    case quantity(Double)
    /// Bring the position to this fraction of equity (1.0 = all in long, -0.5 = half short).
    /// Resolved into a quantity when the order fills, at the fill price, so that the
    /// fraction is of the equity the order actually meets.
    case targetPercent(Double)
    /// Sized by the config's `risk.sizing` method when the order fills (an entry on the
    /// order's side; see `PositionSizing`).
    case sized
}

/// How long an order stays open if it does not fill.
public enum TimeInForce: String, Sendable, Equatable, CaseIterable {
    /// Good till cancelled (the default).
    case gtc
    /// Cancelled at the end of the trading day it was submitted on (`time_zone` in the config).
    case day
}

/// An order as the strategy submitted it. IDs are counters from 1, in submission order.
public struct Order: Sendable, Equatable {
    public var id: Int
    public var symbol: Int
    /// For `.quantity` orders; a `.targetPercent` order gets its side when it resolves.
    public var side: Side
    public var size: OrderSize
    public var kind: OrderKind
    public var submittedAt: Timestamp
    public var timeInForce: TimeInForce
    /// A bracket leg: the entry order it protects. It stays dormant until that entry fills,
    /// then is live for the quantity filled.
    public var parent: Int?
    /// Orders in one group cancel each other (one-cancels-other): a fill in one shrinks the
    /// others by its quantity.
    public var ocoGroup: Int?
    /// May only reduce a position; a reduce-only order meeting a flat position is cancelled.
    public var reduceOnly: Bool
    /// A cancel/replace: when this order reaches the venue it takes the place of that one,
    /// if it is still open.
    public var replaces: Int?
    /// Slippage is multiplied by this (forced exits in stress scenarios).
    public var slippageMultiplier: Double
    /// The strategy's label for why it traded ("breakout", "rank-1"). The tag of the order
    /// that opens a position is carried into its trades (trades.csv `tag`, breakdowns by tag).
    public var tag: String?

    @inlinable
    public init(id: Int, symbol: Int, side: Side, size: OrderSize, kind: OrderKind, submittedAt: Timestamp,
                timeInForce: TimeInForce = .gtc, parent: Int? = nil, ocoGroup: Int? = nil, reduceOnly: Bool = false,
                replaces: Int? = nil, slippageMultiplier: Double = 1, tag: String? = nil) {
        (self.id, self.symbol, self.side, self.size, self.kind, self.submittedAt) = (id, symbol, side, size, kind, submittedAt)
        (self.timeInForce, self.parent, self.ocoGroup, self.reduceOnly) = (timeInForce, parent, ocoGroup, reduceOnly)
        (self.replaces, self.slippageMultiplier, self.tag) = (replaces, slippageMultiplier, tag)
    }
}
