/// A closed round trip: the quantity that was opened and then closed again.
///
/// A partial exit closes a trade for the part it sells; the rest stays open with the same
/// entry price and time. Commission is the exit fill's plus the entry commission's share
/// for the closed quantity, so summing `pnl` over trades gives realized P&L after costs.
public struct Trade: Sendable, Equatable {
    public enum Direction: String, Sendable { case long, short }

    public var id: Int
    public var symbol: Int
    public var direction: Direction
    public var quantity: Double
    public var entryTime: Timestamp
    public var entryPrice: Double
    public var exitTime: Timestamp
    public var exitPrice: Double
    public var commission: Double
    /// Net of commission.
    public var pnl: Double
    /// `pnl` over the entry notional.
    public var returnFraction: Double
    public var bars: Int
    /// The tag of the order that opened the position ("" when it had none).
    public var tag: String

    @inlinable
    public init(id: Int, symbol: Int, direction: Direction, quantity: Double, entryTime: Timestamp,
                entryPrice: Double, exitTime: Timestamp, exitPrice: Double, commission: Double,
                pnl: Double, returnFraction: Double, bars: Int, tag: String = "") {
        (self.id, self.symbol, self.direction, self.quantity, self.entryTime) = (id, symbol, direction, quantity, entryTime)
        (self.entryPrice, self.exitTime, self.exitPrice, self.commission, self.pnl) = (entryPrice, exitTime, exitPrice, commission, pnl)
        (self.returnFraction, self.bars, self.tag) = (returnFraction, bars, tag)
    }
}
