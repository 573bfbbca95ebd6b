/// How an order is priced.
public enum OrderKind: Sendable, Equatable {
    /// Fills at the next bar's open (or this bar's close with `execution.fill: close`).
    case market
    /// Buy at `price` or lower, sell at `price` or higher.
    case limit(price: Double)
    /// Becomes a market order once the price trades through `price`.
    case stop(price: Double)

    public var name: String {
        switch self {
        case .market: "market"
        case .limit: "limit"
        case .stop: "stop"
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

    public init(id: Int, symbol: Int, side: Side, size: OrderSize, kind: OrderKind, submittedAt: Timestamp) {
        self.id = id
        self.symbol = symbol
        self.side = side
        self.size = size
        self.kind = kind
        self.submittedAt = submittedAt
    }
}
