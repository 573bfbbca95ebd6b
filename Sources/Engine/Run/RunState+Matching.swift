import Model

/// Matching open orders against the bars of one timestamp.
extension RunState {
    mutating func matchOpenOrders(present: UnsafeBufferPointer<Int>, barIndex: Int, now: Timestamp) {
        for s in present.indices where present[s] >= 0 { portfolio.marks[s] = series[s].open[present[s]] }
        var k = 0
        while k < openOrders.count {
            let id = openOrders[k], i = id - 1
            guard status[i] == .open else { openOrders.remove(at: k); continue }
            // Fields, not a copy of the order: copying one retains its tag.
            let b = present[orders[i].symbol]
            guard b >= 0 else { k += 1; continue }
            switch match(i, bar: b) {
            case .none:
                k += 1
            case .becomesLimit(let limit):
                orders[i].kind = .limit(price: limit)  // rests from the next bar
                k += 1
            case .fill(let reference):
                if let group = orders[i].ocoGroup, yieldsToSibling(i, group: group, present: present, reference: reference) {
                    k += 1  // the sibling fills on this bar and cancels this one
                    continue
                }
                if execute(index: i, reference: reference, time: now, barIndex: barIndex, symbolBar: b) {
                    finish(i)
                    openOrders.remove(at: k)
                } else {
                    k += 1
                }
            }
        }
    }

    /// Ends order `i` after its last fill; a bracket entry refused before any fill takes its
    /// dormant legs with it.
    mutating func finish(_ i: Int) {
        status[i] = .done
        if filled[i] == 0, !legs.isEmpty, let children = legs[i + 1] {
            for leg in children where status[leg - 1] != .done {
                status[leg - 1] = .done
                cancelled += 1
            }
        }
    }

    /// How order `i` meets bar `b` of its symbol. A bracket leg that woke on this step
    /// meets it from its entry's fill price, not from the bar's open.
    func match(_ i: Int, bar b: Int) -> FillSimulator.Match {
        // Columns and fields read in place: a copy of the series or the order would retain
        // its seven arrays or its tag, for every order on every bar it is open.
        let s = orders[i].symbol
        var open = series[s].open[b]
        if let a = activation[i], a.step == step { open = a.price }
        // A target-percent order's side is known only once sized; match it as the side
        // it would take now so that limit/stop rules look the right way.
        let size = orders[i].size
        let side = size.isTarget ? (targetDelta(symbol: s, size: size, price: open) >= 0 ? .buy : .sell) : orders[i].side
        return simulator.match(kind: orders[i].kind, side: side, open: open, high: series[s].high[b], low: series[s].low[b])
    }

    /// Whether a one-cancels-other sibling that also fills on this bar goes first, by
    /// `execution.intrabar`. Both orders ask the same question and get one answer, so
    /// exactly one of them fills.
    private func yieldsToSibling(_ i: Int, group: Int, present: UnsafeBufferPointer<Int>, reference: Double) -> Bool {
        let me = orders[i]
        let b = present[me.symbol]
        for other in groups[group] ?? [] where other != me.id && status[other - 1] == .open && orders[other - 1].symbol == me.symbol {
            guard case .fill(let otherReference) = match(other - 1, bar: b) else { continue }
            var open = series[me.symbol].open[b]
            if let a = activation[i], a.step == step { open = a.price }
            if goesFirst(orders[other - 1], at: otherReference, before: me, at: reference, open: open) { return true }
        }
        return false
    }

    private func goesFirst(_ a: Order, at pa: Double, before b: Order, at pb: Double, open: Double) -> Bool {
        let aStop = a.kind.isStopLike, bStop = b.kind.isStopLike
        if aStop != bStop {
            switch config.execution.intrabar {
            case .stopFirst: return aStop
            case .takeProfitFirst: return !aStop
            case .nearestFirst:
                let da = abs(pa - open), db = abs(pb - open)
                return da != db ? da < db : aStop
            }
        }
        return a.id < b.id
    }

    /// The signed quantity that takes the position to the order's target fraction of
    /// equity at `price`, leaving room for the percent commission when buying exposure.
    func targetDelta(symbol: Int, size: OrderSize, price: Double) -> Double {
        guard case .targetPercent(let fraction) = size else { return 0 }
        let held = portfolio.quantity[symbol]
        let equity = portfolio.equity  // marked at this bar's open (matchOpenOrders)
        let unitPrice = price * (1 + config.commission.percent)
        let target: Double
        switch config.execution.targetUnits {
        case .fractional: target = fraction * equity / unitPrice
        case .whole:  // backtesting.py: int(margin_available · |size| // price), margin never below 0
            let units = (abs(fraction) * max(equity, 0)).pythonFloorDivided(by: unitPrice)
            target = fraction < 0 ? -units : units
        }
        return target - held
    }
}

extension OrderKind {
    /// Stops and stop-limits: the protective side of a bracket.
    var isStopLike: Bool {
        switch self {
        case .stop, .stopLimit: true
        case .market, .limit: false
        }
    }
}
