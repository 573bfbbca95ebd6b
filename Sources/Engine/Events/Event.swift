import Model

/// What happens in a backtest, named noun + past participle.
///
/// Bars arrive from the columnar timeline (they are already in time order, so they do not
/// pay for a heap); everything that is scheduled (an order reaching the venue, a fill, a
/// cancellation) goes through `EventQueue`, which orders by (time, priority, sequence).
public enum EventKind: Int, Sendable, Comparable {
    /// A bar closed (priority 0: market data first).
    case barClosed = 0
    /// An order was cancelled before it could fill.
    case orderCancelled = 1
    /// An order reached the simulated venue and may fill from the next bar on.
    case orderSubmitted = 2
    /// An order filled.
    case orderFilled = 3

    public static func < (a: EventKind, b: EventKind) -> Bool { a.rawValue < b.rawValue }
}

/// A scheduled event: `payload` indexes the order it concerns.
public struct Event: Sendable, Equatable {
    public var time: Timestamp
    public var kind: EventKind
    public var payload: Int

    public init(time: Timestamp, kind: EventKind, payload: Int) {
        self.time = time
        self.kind = kind
        self.payload = payload
    }
}
