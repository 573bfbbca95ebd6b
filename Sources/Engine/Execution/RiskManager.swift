import Model

/// The final gatekeeper: every quantity passes `review` right before it fills, at the price
/// it would fill at, so a rule judges the order the market would actually see.
///
/// Rules, in order: `allow_short` (a sell may not take a position below zero), then
/// `max_positions` (a fill may not open one more position than allowed), then
/// `max_leverage` (a fill that adds exposure is cut to what the limit leaves; a cut to zero
/// is a refusal). Orders that only reduce a position always pass.
public struct RiskManager: Sendable {
    public var limits: RiskLimits
    public var commission: CommissionModel

    public init(limits: RiskLimits, commission: CommissionModel) {
        self.limits = limits
        self.commission = commission
    }

    /// The quantity approved for `order` (0 = refused) and, when it differs from the
    /// request, the rejection to record.
    public func review(order: Order, side: Side, quantity requested: Double, price: Double,
                       portfolio: Portfolio, time: Timestamp) -> (approved: Double, rejection: Rejection?) {
        let s = order.symbol
        let q = portfolio.quantity[s]
        var approved = requested
        func refuse(_ rule: String, _ detail: String, approved: Double = 0) -> (Double, Rejection?) {
            (approved, Rejection(time: time, orderID: order.id, symbol: s, side: side, requestedQuantity: requested,
                                 approvedQuantity: approved, rule: rule, detail: detail))
        }
        let reducesOnly = (side == .sell && q > 0 && requested <= q) || (side == .buy && q < 0 && requested <= -q)
        if reducesOnly { return (requested, nil) }

        if !limits.allowShort && side == .sell {
            let cap = max(q, 0)
            if cap <= 0 { return refuse("allow_short", "shorting is disabled; position is \(fmt(q))") }
            return refuse("allow_short", "shorting is disabled; sell cut to the long position \(fmt(cap))", approved: cap)
        }
        if let maxPositions = limits.maxPositions, q == 0, portfolio.openPositionCount >= maxPositions {
            return refuse("max_positions", "\(portfolio.openPositionCount) positions open, limit \(maxPositions)")
        }

        let equity = portfolio.equity
        let capacity = limits.maxLeverage * equity - portfolio.grossExposure(except: s) - commission.fixed
        let perUnit = price * (1 + commission.percent) + commission.perUnit
        let maxAbsolute = max(capacity / perUnit, 0)
        let after = abs(q + side.sign * requested)
        // A relative tolerance lets an all-in order sized at this same price pass whole.
        if after <= maxAbsolute * (1 + 1e-9) { return (requested, nil) }
        let crossesZero = (side == .buy && q < 0) || (side == .sell && q > 0)
        approved = crossesZero ? abs(q) + maxAbsolute : maxAbsolute - abs(q)
        let detail = "gross exposure \(fmt(portfolio.grossExposure(except: s) + after * price)) would exceed "
            + "\(fmt(limits.maxLeverage)) x equity \(fmt(equity))"
        // Dust left by rounding is a refusal, not a fill of 1e-12 units.
        return refuse("max_leverage", detail, approved: approved > requested * 1e-9 ? approved : 0)
    }

    private func fmt(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        return r == r.rounded() ? String(Int64(r)) : String(r)
    }
}
