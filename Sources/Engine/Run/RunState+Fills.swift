import Model

/// Turning a matched order into a fill: size it, price it, let risk and the volume cap
/// judge it, book it, and wake or shrink the orders linked to it.
extension RunState {
    /// Fills what it can of order `i` at `reference` (before slippage). Returns true when
    /// the order is finished: filled, cut by risk (the rest is dropped), refused, or met a
    /// flat position as reduce-only; false when the volume cap left a remainder to keep.
    mutating func execute(index i: Int, reference: Double, time: Timestamp, barIndex: Int, symbolBar b: Int) -> Bool {
        let order = orders[i]
        let s = order.symbol
        var side = order.side
        var quantity: Double
        switch order.size {
        case .quantity(let q):
            quantity = q - filled[i]
        case .targetPercent(let fraction):
            if fraction == 0 {
                quantity = abs(portfolio.quantity[s])  // exactly flat, no rounding residue
                side = portfolio.quantity[s] > 0 ? .sell : .buy
            } else {
                let delta = targetDelta(symbol: s, size: order.size, price: reference)
                side = delta >= 0 ? .buy : .sell
                quantity = abs(delta)
            }
        case .sized:
            switch config.risk.sizing.quantity(equity: portfolio.equity, price: reference, atr: volatility.sizingATR(s)) {
            case .success(let q):
                quantity = q
                orders[i].size = .quantity(q)  // fixed from the first fill on (a kept remainder)
            case .failure(let why):
                rejections.append(Rejection(time: time, orderID: order.id, symbol: s, side: side, requestedQuantity: 0,
                                            approvedQuantity: 0, rule: .sizing, detail: why.detail))
                return true
            }
        }
        if order.reduceOnly {
            let q = portfolio.quantity[s]
            let closable = (side == .sell && q > 0) || (side == .buy && q < 0) ? abs(q) : 0
            guard closable > 0 else {
                // Nothing left to protect: the order and its one-cancels-other siblings end.
                cancelled += 1
                if let group = order.ocoGroup { for other in groups[group] ?? [] where other != order.id { cancel(other) } }
                return true
            }
            quantity = min(quantity, closable)
        }
        // Priced only now: a target order's side (which slippage works against) is known here.
        // The columns are read in place (a copy of the series would retain its seven arrays).
        let fillPrice = simulator.fillPrice(kind: order.kind, reference: reference, side: side, range: series[s].high[b] - series[s].low[b],
                                            atr: volatility.slippageATR(s), multiplier: order.slippageMultiplier)
        guard quantity > 1e-12 * max(abs(portfolio.quantity[s]), 1) else { return true }

        let halt = config.risk.needsMonitor ? monitor.entryBlock(time: time.milliseconds, equity: portfolio.equity) : nil
        let since = lastExit[s].map { RiskManager.SinceExit(bars: b - $0.bar, milliseconds: time.milliseconds - $0.time.milliseconds) }
        let (approvedByRisk, refused) = risk.review(order: order, side: side, quantity: quantity, price: fillPrice,
                                                    portfolio: portfolio, time: time, sinceExit: since, halt: halt)
        if !refused.isEmpty {
            rejections.append(contentsOf: refused)
            if refused.contains(where: { !$0.rule.isHalt }) { monitor.noteRefusal(time: time.milliseconds) }
        }
        var approved = approvedByRisk
        var keepsRest = false
        if let share = config.execution.maxVolumeShare {
            let cap = share * series[s].volume[b]
            if approved > cap * (1 + 1e-12) {
                rejections.append(Rejection(time: time, orderID: order.id, symbol: s, side: side, requestedQuantity: approved,
                                            approvedQuantity: cap, rule: .maxVolumeShare,
                                            detail: "\(detailPercent(share)) of the bar's volume \(detailNumber(series[s].volume[b])) is \(detailNumber(cap))"
                                                + (config.execution.volumeRemainder == .keep ? "; the rest stays open" : "; the rest is cancelled")))
                approved = cap
                keepsRest = config.execution.volumeRemainder == .keep && refused.isEmpty
            }
        }
        guard approved > 0 else { return !keepsRest }

        let before = portfolio.quantity[s]
        let fill = Fill(
            id: fills.count + 1, orderID: order.id, symbol: s, time: time, side: side, quantity: approved,
            price: fillPrice, commission: config.commission.commission(quantity: approved, price: fillPrice),
            slippage: abs(fillPrice - reference) * approved)
        fills.append(fill)
        portfolio.apply(fill, barIndex: barIndex, tag: order.tag)
        filled[i] += approved
        let after = portfolio.quantity[s]
        if before != 0 && (after == 0 || (after > 0) != (before > 0)) { lastExit[s] = (b, time) }
        if !legs.isEmpty, let children = legs[order.id] { wake(children, quantity: approved, price: fillPrice) }  // no hashing without brackets
        if let group = order.ocoGroup { shrinkSiblings(of: order.id, group: group, by: approved) }
        return !keepsRest
    }

    /// A bracket entry filled `quantity`: its legs protect that much more, from `price` on.
    private mutating func wake(_ children: [Int], quantity: Double, price: Double) {
        for leg in children where status[leg - 1] != .done {
            if case .quantity(let q) = orders[leg - 1].size { orders[leg - 1].size = .quantity(q + quantity) }
            if status[leg - 1] == .dormant {
                status[leg - 1] = .open
                activation[leg - 1] = (step, price)
                openOrders.append(leg)
            }
        }
    }

    /// One-cancels-other: the group's other orders shrink by the quantity filled and end
    /// when nothing is left (or at once, if they are not sized in units).
    private mutating func shrinkSiblings(of id: Int, group: Int, by quantity: Double) {
        for other in groups[group] ?? [] where other != id && status[other - 1] != .done {
            let j = other - 1
            if case .quantity(let q) = orders[j].size, q - filled[j] - quantity > 1e-12 * q {
                orders[j].size = .quantity(q - quantity)
            } else {
                status[j] = .done
                cancelled += 1
            }
        }
    }
}
