/// Buy or sell. `sign` is +1 for a buy and -1 for a sell, the factor on quantity and cash.
public enum Side: String, Sendable, Equatable {
    case buy, sell

    @inlinable public var sign: Double { self == .buy ? 1 : -1 }
    @inlinable public var opposite: Side { self == .buy ? .sell : .buy }
}
