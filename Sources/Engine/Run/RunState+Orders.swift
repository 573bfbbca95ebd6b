import Model

/// An order's life before and around its fills: submission, travel to the venue (latency),
/// arrival, cancel/replace, bracket legs and time in force.
extension RunState {
    /// Books a new order; bracket legs start dormant beside their entry.
    mutating func register(_ order: Order) {
        orders.append(order)
        filled.append(0)
        activation.append(nil)
        precondition(orders.count == order.id, "order ids are counters from 1")
        if let group = order.ocoGroup { groups[group, default: []].append(order.id) }
        if let parent = order.parent {
            legs[parent, default: []].append(order.id)
            status.append(.dormant)
        } else {
            status.append(.pending)
        }
        if order.timeInForce == .day { anyDayOrders = true }
    }

    mutating func drainOutbox(now: Timestamp, barIndex: Int, present: UnsafeBufferPointer<Int>) {
        // By index and by field: a copy of each order (`for order in`) would retain its tag
        // once more than booking it does.
        for k in context.outbox.indices {
            register(context.outbox[k])
            let i = orders.count - 1
            if !context.tradingAllowed {
                status[i] = .done  // outside the trading windows: never sent
                outsideWindows += 1
                continue
            }
            guard orders[i].parent == nil else { continue }  // legs travel with their entry
            let s = orders[i].symbol
            if simulator.timing == .close, orders[i].kind == .market, orders[i].replaces == nil, present[s] >= 0 {
                // Filled now at the close: no travel (the config refuses latency with this timing).
                status[i] = .open
                if execute(index: i, reference: series[s].close[present[s]], time: now, barIndex: barIndex, symbolBar: present[s]) {
                    finish(i)
                } else {
                    openOrders.append(i + 1)
                }
            } else {
                queue.push(Event(time: arrival(now), kind: .orderSubmitted, payload: i + 1))
            }
        }
        for id in context.cancellations where id >= 1 && id <= orders.count {
            queue.push(Event(time: arrival(now), kind: .orderCancelled, payload: id))
        }
        context.outbox.removeAll(keepingCapacity: true)
        context.cancellations.removeAll(keepingCapacity: true)
    }

    /// When something sent at `now` reaches the venue.
    mutating func arrival(_ now: Timestamp) -> Timestamp {
        config.execution.latency.isZero ? now : Timestamp(milliseconds: now.milliseconds + latency.next())
    }

    mutating func handle(_ event: Event, now: Timestamp) {
        switch event.kind {
        case .orderCancelled: cancel(event.payload)
        case .orderSubmitted: arrive(event.payload, now: now)
        }
    }

    private mutating func arrive(_ id: Int, now: Timestamp) {
        let i = id - 1
        guard status[i] == .pending else { return }
        if orders[i].replaces != nil { return replaceArrived(i) }
        if orders[i].timeInForce == .day
            && config.calendar.day(of: orders[i].submittedAt.milliseconds) < config.calendar.day(of: now.milliseconds) {
            status[i] = .done  // it reached the venue after its trading day ended
            expired += 1
            return
        }
        status[i] = .open
        openOrders.append(id)
    }

    /// A replacement takes the old order's place (side, symbol, bracket links, what is left
    /// of its quantity unless it names one), if the old one has not filled or ended.
    private mutating func replaceArrived(_ i: Int) {
        let newID = i + 1
        let oldID = orders[i].replaces!
        let o = oldID - 1
        guard oldID >= 1 && oldID <= orders.count && oldID != newID, status[o] != .done else {
            status[i] = .done
            replacesFailed += 1
            return
        }
        var order = orders[o]
        order.id = newID
        order.kind = orders[i].kind
        order.submittedAt = orders[i].submittedAt
        order.replaces = oldID
        if case .quantity(let q) = orders[i].size, q > 0 {
            order.size = .quantity(q)
        } else if case .quantity(let q) = order.size {
            order.size = .quantity(q - filled[o])
        }
        orders[i] = order
        let wasDormant = status[o] == .dormant
        status[o] = .done
        cancelled += 1
        if let group = order.ocoGroup { groups[group] = groups[group]?.map { $0 == oldID ? newID : $0 } }
        if let parent = order.parent { legs[parent] = legs[parent]?.map { $0 == oldID ? newID : $0 } }
        if let children = legs.removeValue(forKey: oldID) {
            legs[newID] = children
            for leg in children { orders[leg - 1].parent = newID }
        }
        if let a = activation[o] { activation[i] = a }
        status[i] = wasDormant ? .dormant : .open
        if !wasDormant { openOrders.append(newID) }
    }

    /// Ends an order that has not filled (it is dropped from `openOrders` lazily). An entry
    /// that never filled takes its dormant bracket legs with it.
    mutating func cancel(_ id: Int, expiring: Bool = false) {
        let i = id - 1
        guard status[i] != .done else { return }
        if expiring { expired += 1 } else { cancelled += 1 }
        finish(i)
    }

    /// Day orders end with their trading day (checked once per new day).
    mutating func expireDayOrders(now: Timestamp) {
        let today = config.calendar.day(of: now.milliseconds)
        guard today != checkedDay else { return }
        checkedDay = today
        for id in openOrders where status[id - 1] == .open && orders[id - 1].timeInForce == .day
            && config.calendar.day(of: orders[id - 1].submittedAt.milliseconds) < today {
            cancel(id, expiring: true)
        }
    }
}
