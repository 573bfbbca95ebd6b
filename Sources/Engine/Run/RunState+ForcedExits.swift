import Model

/// Positions closed by the engine, not the strategy: forced exits (stress scenarios) and
/// the max drawdown stop's flattening.
extension RunState {
    /// Closes every open position at market on its symbol's bar at or after `exit.time`,
    /// with slippage × its multiplier, ahead of every other order, and cancels the symbol's
    /// other orders (a stale stop must not reopen what was forced out).
    mutating func forceExits(_ exit: ForcedExit, now: Timestamp, rule: RiskRule = .forcedExit) {
        var forced: [Int] = []
        for s in series.indices where portfolio.quantity[s] != 0 {
            // A replace still travelling does not know its symbol yet; it fails on arrival.
            for j in orders.indices where orders[j].symbol == s && status[j] != .done && !(status[j] == .pending && orders[j].replaces != nil) {
                cancel(j + 1)
            }
            let q = portfolio.quantity[s]
            var order = context.makeOrder(symbol: s, side: q > 0 ? .sell : .buy, size: .quantity(abs(q)), kind: .market, timeInForce: .gtc)
            order.reduceOnly = true
            order.slippageMultiplier = exit.slippageMultiplier
            register(order)
            status[order.id - 1] = .open
            forced.append(order.id)
            monitor.record(now.milliseconds, rule, .forcedExit,
                           "closing \(detailNumber(abs(q))) at market, slippage x\(detailNumber(exit.slippageMultiplier))", symbol: s)
        }
        openOrders.insert(contentsOf: forced, at: 0)
    }

    /// The max drawdown stop asked to flatten: a reduce-only market order per open
    /// position, sent like any order (latency applies; it fills on the next bar).
    mutating func flattenAll(now: Timestamp) {
        for s in series.indices where portfolio.quantity[s] != 0 {
            let q = portfolio.quantity[s]
            var order = context.makeOrder(symbol: s, side: q > 0 ? .sell : .buy, size: .quantity(abs(q)), kind: .market, timeInForce: .gtc)
            order.reduceOnly = true
            context.outbox.append(order)
            monitor.record(now.milliseconds, .maxDrawdown, .flattened, "closing \(detailNumber(abs(q))) at market", symbol: s)
        }
        if !context.outbox.isEmpty {
            // Not through `.close` timing: the stop judged equity at the close, so the earliest fill is the next bar.
            for order in context.outbox {
                register(order)
                queue.push(Event(time: arrival(now), kind: .orderSubmitted, payload: order.id))
            }
            context.outbox.removeAll(keepingCapacity: true)
        }
    }
}
