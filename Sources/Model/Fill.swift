/// One execution. Commission and slippage are recorded apart so a reader can tell what the
/// market cost from what the venue charged.
public struct Fill: Sendable, Equatable {
    public var id: Int
    public var orderID: Int
    public var symbol: Int
    public var time: Timestamp
    public var side: Side
    public var quantity: Double
    /// The price paid or received, slippage included.
    public var price: Double
    public var commission: Double
    /// The cost of slippage in cash: `|price - reference price| * quantity`.
    public var slippage: Double

    @inlinable
    public init(id: Int, orderID: Int, symbol: Int, time: Timestamp, side: Side, quantity: Double,
                price: Double, commission: Double, slippage: Double) {
        (self.id, self.orderID, self.symbol, self.time, self.side, self.quantity) = (id, orderID, symbol, time, side, quantity)
        (self.price, self.commission, self.slippage) = (price, commission, slippage)
    }
}
