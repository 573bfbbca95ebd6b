import Model

/// A scheduled event, named noun + past participle.
///
/// Only what is scheduled goes through `EventQueue`, ordered by (time, priority, sequence).
/// Market data does not: bars come from the columnar timeline, already in time order, so
/// they do not pay for a heap. Fills do not either: a fill is booked at the moment its order
/// matches a bar, and `fills.csv` is the record of it.
public enum EventKind: Int, Sendable, Comparable {
    /// An order was cancelled before it could fill (first: a cancel and a submission at
    /// the same time leave the order cancelled).
    case orderCancelled = 0
    /// An order reached the simulated venue (its submission time plus latency) and may fill
    /// from the first bar of its symbol at or after that moment.
    case orderSubmitted = 1

    public static func < (a: EventKind, b: EventKind) -> Bool { a.rawValue < b.rawValue }
}

/// A scheduled event: `payload` indexes the order it concerns.
public struct Event: Sendable, Equatable {
    public var time: Timestamp
    public var kind: EventKind
    public var payload: Int

    public init(time: Timestamp, kind: EventKind, payload: Int) {
        (self.time, self.kind, self.payload) = (time, kind, payload)
    }
}
