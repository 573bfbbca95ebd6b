import Model

/// An order the risk manager refused or cut down, with the rule and the numbers that
/// decided it. A refusal is an event on record, not an error.
public struct Rejection: Sendable, Equatable {
    public var time: Timestamp
    public var orderID: Int
    public var symbol: Int
    public var side: Side
    public var requestedQuantity: Double
    /// 0 for a refusal, less than requested for a resize.
    public var approvedQuantity: Double
    public var rule: RiskRule
    public var detail: String

    public init(time: Timestamp, orderID: Int, symbol: Int, side: Side, requestedQuantity: Double,
                approvedQuantity: Double, rule: RiskRule, detail: String) {
        (self.time, self.orderID, self.symbol, self.side, self.requestedQuantity) = (time, orderID, symbol, side, requestedQuantity)
        (self.approvedQuantity, self.rule, self.detail) = (approvedQuantity, rule, detail)
    }
}
