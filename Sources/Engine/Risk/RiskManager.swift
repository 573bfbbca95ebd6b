import Model

/// The final gatekeeper: every quantity passes `review` right before it fills, at the price
/// it would fill at, so a rule judges the order the market would actually see.
///
/// Orders that only reduce a position always pass. Otherwise the rules run in this order,
/// each on what the one before approved; a refusal (0) stops the review:
/// 0. a halt (`daily_loss_limit`, `max_drawdown`, `circuit_breaker`, from `RiskMonitor`):
///    nothing may open or add; an order through zero keeps only its closing part;
/// 1. `allow_short`: a sell may not take a position below zero (cut to the long position);
/// 2. `cooldown`: no entry from flat within the cooldown after the symbol's last exit;
/// 3. `max_positions`: a fill may not open one more position than allowed;
/// 4. `per_symbol` (`max_quantity`, `max_notional`, `max_percent` of equity): the position
///    after the fill is cut to the tightest;
/// 5. `max_net_exposure`: |Σ quantity · price| after the fill, cut to the limit;
/// 6. `max_leverage`: gross exposure plus commission, cut to the limit;
/// 7. `lot_size`: rounded down to whole lots (sizing, not recorded unless it leaves nothing);
/// 8. `min_notional`: what is left must be worth at least this much.
/// Each cut or refusal is one `Rejection`, with the quantity that reached the rule.
public struct RiskManager: Sendable {
    public var limits: RiskLimits
    public var commission: CommissionModel

    public init(limits: RiskLimits, commission: CommissionModel) {
        (self.limits, self.commission) = (limits, commission)
    }

    /// Time since the symbol's last exit, for the cooldown rule.
    public struct SinceExit: Sendable {
        public var bars: Int
        public var milliseconds: Int64

        public init(bars: Int, milliseconds: Int64) {
            (self.bars, self.milliseconds) = (bars, milliseconds)
        }
    }

    /// The quantity approved for `order` (0 = refused) and a rejection for every rule that
    /// cut or refused it.
    public func review(order: Order, side: Side, quantity requested: Double, price: Double, portfolio: Portfolio,
                       time: Timestamp, sinceExit: SinceExit? = nil,
                       halt: (rule: RiskRule, detail: String)? = nil) -> (approved: Double, rejections: [Rejection]) {
        let s = order.symbol
        let q = portfolio.quantity[s]
        let reducesOnly = (side == .sell && q > 0 && requested <= q) || (side == .buy && q < 0 && requested <= -q)
        if reducesOnly { return (requested, []) }

        var approved = requested
        var rejections: [Rejection] = []
        /// Records `rule` cutting the quantity to `to`; false when nothing is left.
        func cut(_ rule: RiskRule, to: Double, _ detail: String) -> Bool {
            let next = to > approved * 1e-9 ? min(to, approved) : 0  // rounding dust is a refusal
            rejections.append(Rejection(time: time, orderID: order.id, symbol: s, side: side, requestedQuantity: approved,
                                        approvedQuantity: next, rule: rule, detail: detail))
            approved = next
            return next > 0
        }
        // Not reducing only, so an order against the position goes through zero; the
        // quantity up to zero closes, the rest opens the other way.
        let crossesZero = (side == .buy && q < 0) || (side == .sell && q > 0)
        let closing = crossesZero ? abs(q) : 0
        /// The most this order may trade so that |position after| ≤ `limit` (units).
        func room(forAbsolute limit: Double) -> Double {
            max(crossesZero ? abs(q) + limit : limit - abs(q), 0)
        }
        let after = { abs(q + side.sign * approved) }

        if let halt {
            if !cut(halt.rule, to: closing, halt.detail) { return (0, rejections) }
            return (approved, rejections)
        }

        if !limits.allowShort && side == .sell {
            let cap = max(q, 0)
            if !cut(.allowShort, to: cap, cap <= 0 ? "shorting is disabled; position is \(fmt(q))"
                    : "shorting is disabled; sell cut to the long position \(fmt(cap))") { return (0, rejections) }
        }
        if let cooldown = limits.cooldown, q == 0, let since = sinceExit {
            switch cooldown {
            case .bars(let n) where since.bars < n:
                _ = cut(.cooldown, to: 0, "\(since.bars) bars since the last exit, cooldown \(n) bars")
                return (0, rejections)
            case .milliseconds(let ms) where since.milliseconds < ms:
                _ = cut(.cooldown, to: 0, "\(fmt(Double(since.milliseconds) / 60_000)) minutes since the last exit, cooldown \(fmt(Double(ms) / 60_000)) minutes")
                return (0, rejections)
            default: break
            }
        }
        if let maxPositions = limits.maxPositions, q == 0, portfolio.openPositionCount >= maxPositions {
            _ = cut(.maxPositions, to: 0, "\(portfolio.openPositionCount) positions open, limit \(maxPositions)")
            return (0, rejections)
        }

        let equity = portfolio.equity
        /// The most this order may trade so that `exposure(after) ≤ share × equity after
        /// its commission`, where exposure grows by `price` per unit from `base` (solved
        /// for the quantity x: base + x·p ≤ share·(E − fixed − x·(c·p + perUnit))).
        func room(share: Double, base: Double) -> Double {
            max((share * (equity - commission.fixed) - base) / (price + share * (commission.percent * price + commission.perUnit)), 0)
        }
        let p = limits.perSymbol
        var symbolLimits: [(units: Double, text: String)] = []
        if let m = p.maxQuantity { symbolLimits.append((room(forAbsolute: m), "max_quantity \(fmt(m))")) }
        if let m = p.maxNotional { symbolLimits.append((room(forAbsolute: m / price), "max_notional \(fmt(m))")) }
        if let m = p.maxPercent {
            // The position's value after the fill is x·p − |q|·p when it crosses zero, |q|·p + x·p when it adds.
            symbolLimits.append((room(share: m, base: (crossesZero ? -1 : 1) * abs(q) * price), "max_percent \(fmt(m)) x equity \(fmt(equity))"))
        }
        if let tightest = symbolLimits.min(by: { $0.units < $1.units }), approved > tightest.units * (1 + 1e-9) {
            if !cut(.perSymbol, to: tightest.units, "position \(fmt(after())) at \(fmt(price)) would exceed \(tightest.text)") { return (0, rejections) }
        }

        if let maxNet = limits.maxNetExposure {
            // Net exposure on this order's side: it may rise to the limit, never beyond.
            let others = portfolio.netExposure(except: s)
            let most = room(share: maxNet, base: side.sign * (others + q * price))
            if approved > most * (1 + 1e-9) {
                let net = others + (q + side.sign * approved) * price
                if !cut(.maxNetExposure, to: most, "net exposure \(fmt(net)) would exceed \(fmt(maxNet)) x equity \(fmt(equity))") {
                    return (0, rejections)
                }
            }
        }

        let capacity = limits.maxLeverage * equity - portfolio.grossExposure(except: s) - commission.fixed
        let perUnit = price * (1 + commission.percent) + commission.perUnit
        let maxAbsolute = max(capacity / perUnit, 0)
        // A relative tolerance lets an all-in order sized at this same price pass whole.
        if after() > maxAbsolute * (1 + 1e-9) {
            let detail = "gross exposure \(fmt(portfolio.grossExposure(except: s) + after() * price)) would exceed "
                + "\(fmt(limits.maxLeverage)) x equity \(fmt(equity))"
            if !cut(.maxLeverage, to: room(forAbsolute: maxAbsolute), detail) { return (0, rejections) }
        }

        if let lot = limits.lotSize {
            // Only what opens or adds is rounded: the closing part of a reversal stays exact.
            let rounded = closing + ((approved - closing) / lot + 1e-9).rounded(.down) * lot
            if rounded <= closing {
                _ = cut(.lotSize, to: closing, "\(fmt(approved - closing)) is less than one lot of \(fmt(lot))")
                if closing == 0 { return (0, rejections) }
            }
            approved = min(max(rounded, closing), approved)
        }
        if let minimum = limits.minNotional {
            let notional = (approved - closing) * price
            if notional < minimum {
                if !cut(.minNotional, to: closing, "notional \(fmt(notional)) is below the minimum \(fmt(minimum))") { return (0, rejections) }
            }
        }
        return (approved, rejections)
    }

    private func fmt(_ x: Double) -> String { detailNumber(x) }
}
