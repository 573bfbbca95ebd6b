import Model

/// The event loop: market data → strategy → risk manager → fill simulator → portfolio.
///
/// At each timestamp of the merged timeline, in this order:
/// 1. orders submitted before this timestamp reach the venue (event queue);
/// 2. symbols with a bar here are marked at its open; then open orders, in submission order
///    across all symbols (so an exit submitted before an entry frees its cash and its slot
///    first), are matched against their symbol's bar (`FillSimulator`); each match passes
///    `RiskManager.review` at its fill price and the approved quantity is booked
///    (`Portfolio.apply`);
/// 3. positions are marked at the bars' closes;
/// 4. the strategy sees each closed bar (`onBar`), then the timestamp (`onBarsClosed`);
///    with `FillTiming.close` its market orders fill now at the close, otherwise they
///    are queued for the next bar;
/// 5. equity and cash are recorded.
///
/// The loop allocates nothing per bar: the outputs are reserved up front and the strategy
/// is called through a generic, not an existential.
public struct Backtest: Sendable {
    public let series: [BarSeries]
    public let config: BacktestConfig

    public init(series: [BarSeries], config: BacktestConfig) {
        precondition(!series.isEmpty, "a backtest needs at least one series")
        self.series = series
        self.config = config
    }

    public func run<S: Strategy>(_ strategy: inout S) -> BacktestResult {
        var state = RunState(series: series, config: config)
        return state.run(&strategy)
    }
}

/// The mutable state of one run; lives for the duration of `Backtest.run`.
struct RunState {
    enum Status { case pending, open, done }

    let series: [BarSeries]
    let config: BacktestConfig
    let simulator: FillSimulator
    let risk: RiskManager
    let portfolio: Portfolio
    let context: StrategyContext
    var queue = EventQueue()
    var orders: [Order] = []          // index = id - 1
    var status: [Status] = []
    var openOrders: [Int] = []        // ids, in submission order
    var fills: [Fill] = []
    var rejections: [Rejection] = []
    /// Per symbol: its bar index and time when a position in it last went flat (cooldown).
    var lastExit: [(bar: Int, time: Timestamp)?]

    init(series: [BarSeries], config: BacktestConfig) {
        self.series = series
        self.config = config
        simulator = FillSimulator(commission: config.commission, slippage: config.slippage, timing: config.fillTiming)
        risk = RiskManager(limits: config.risk, commission: config.commission)
        portfolio = Portfolio(cash: config.capital, symbolCount: series.count)
        context = StrategyContext(symbols: series.map(\.symbol), portfolio: portfolio)
        lastExit = Array(repeating: nil, count: series.count)
    }

    mutating func run<S: Strategy>(_ strategy: inout S) -> BacktestResult {
        let timeline = Timeline(series.map(\.times)).times
        let symbolCount = series.count
        // Local copies of the columns (shared storage, no data copied): the compiler can
        // read a local `let` without retaining it around the opaque strategy call.
        let times = series.map(\.times), closes = series.map(\.close)
        let opens = series.map(\.open), highs = series.map(\.high), lows = series.map(\.low), volumes = series.map(\.volume)
        let counts = series.map(\.count)
        var cursor = [Int](repeating: 0, count: symbolCount)
        var present = [Int](repeating: -1, count: symbolCount)
        var equityOut = [Double](); equityOut.reserveCapacity(timeline.count)
        var cashOut = [Double](); cashOut.reserveCapacity(timeline.count)
        var exposed = 0, barsProcessed = 0

        for (ti, t) in timeline.enumerated() {
            let now = Timestamp(milliseconds: t)
            context.time = now
            context.barIndex = ti
            while let event = queue.pop(before: now) { handle(event) }

            for s in 0..<symbolCount {
                let c = cursor[s]
                if c < counts[s] && times[s][c] == t {
                    present[s] = c
                    cursor[s] = c + 1
                } else {
                    present[s] = -1
                }
            }
            if !openOrders.isEmpty { matchOpenOrders(present: present, barIndex: ti, now: now) }
            for s in 0..<symbolCount where present[s] >= 0 {
                portfolio.mark[s] = closes[s][present[s]]
            }
            for s in 0..<symbolCount where present[s] >= 0 {
                let b = present[s]
                let bar = Bar(time: now, open: opens[s][b], high: highs[s][b], low: lows[s][b], close: closes[s][b], volume: volumes[s][b])
                strategy.onBar(bar, symbol: s, context: context)
                barsProcessed += 1
            }
            strategy.onBarsClosed(context: context)
            if !context.outbox.isEmpty || !context.cancellations.isEmpty { drainOutbox(now: now, barIndex: ti, present: present) }

            equityOut.append(portfolio.equity)
            cashOut.append(portfolio.cash)
            if portfolio.openPositionCount > 0 { exposed += 1 }
        }
        return BacktestResult(
            symbols: series.map(\.symbol), times: timeline, equity: equityOut, cash: cashOut, fills: fills,
            trades: portfolio.trades, rejections: rejections, ordersSubmitted: orders.count, exposedBars: exposed,
            barsProcessed: barsProcessed, openPositionsAtEnd: portfolio.openPositionCount,
            initialCapital: config.capital)
    }

    private mutating func handle(_ event: Event) {
        let i = event.payload - 1
        switch event.kind {
        case .orderCancelled:
            if status[i] != .done {
                status[i] = .done
                openOrders.removeAll { $0 == event.payload }
            }
        case .orderSubmitted:
            if status[i] == .pending {
                status[i] = .open
                openOrders.append(event.payload)
            }
        }
    }

    private mutating func drainOutbox(now: Timestamp, barIndex: Int, present: [Int]) {
        for order in context.outbox {
            orders.append(order)
            status.append(.pending)
            precondition(orders.count == order.id, "order ids are counters from 1")
            let s = order.symbol
            if simulator.timing == .close, order.kind == .market, present[s] >= 0 {
                execute(order: order, reference: series[s].close[present[s]], time: now, barIndex: barIndex, symbolBar: present[s])
            } else {
                queue.push(Event(time: now, kind: .orderSubmitted, payload: order.id))
            }
        }
        for id in context.cancellations where id >= 1 && id <= orders.count {
            queue.push(Event(time: now, kind: .orderCancelled, payload: id))
        }
        context.outbox.removeAll(keepingCapacity: true)
        context.cancellations.removeAll(keepingCapacity: true)
    }

    private mutating func matchOpenOrders(present: [Int], barIndex: Int, now: Timestamp) {
        for s in present.indices where present[s] >= 0 { portfolio.mark[s] = series[s].open[present[s]] }
        var k = 0
        while k < openOrders.count {
            let order = orders[openOrders[k] - 1]
            let b = present[order.symbol]
            guard b >= 0 else { k += 1; continue }
            let bars = series[order.symbol]
            // A target-percent order's side is known only once sized; match it as the side
            // it would take now so that limit/stop rules look the right way.
            let side = order.size.isTarget ? targetSide(order, price: bars.open[b]) : order.side
            if let reference = simulator.trigger(kind: order.kind, side: side, open: bars.open[b], high: bars.high[b], low: bars.low[b]) {
                execute(order: order, reference: reference, time: now, barIndex: barIndex, symbolBar: b)
                openOrders.remove(at: k)
            } else {
                k += 1
            }
        }
    }

    private func targetSide(_ order: Order, price: Double) -> Side {
        targetDelta(order, price: price) >= 0 ? .buy : .sell
    }

    /// The signed quantity that takes the position to the order's target fraction of
    /// equity at `price`, leaving room for the percent commission when buying exposure.
    private func targetDelta(_ order: Order, price: Double) -> Double {
        guard case .targetPercent(let fraction) = order.size else { return 0 }
        let target = fraction * portfolio.equity / (price * (1 + config.commission.percent))
        return target - portfolio.quantity[order.symbol]
    }

    private mutating func execute(order: Order, reference: Double, time: Timestamp, barIndex: Int, symbolBar: Int) {
        status[order.id - 1] = .done
        let s = order.symbol
        var side = order.side
        var quantity: Double
        switch order.size {
        case .quantity(let q):
            quantity = q
        case .targetPercent(let fraction):
            if fraction == 0 {
                quantity = abs(portfolio.quantity[s])  // exactly flat, no rounding residue
                side = portfolio.quantity[s] > 0 ? .sell : .buy
            } else {
                let delta = targetDelta(order, price: reference)
                side = delta >= 0 ? .buy : .sell
                quantity = abs(delta)
            }
        }
        // Priced only now: a target order's side (which slippage works against) is known here.
        let fillPrice = simulator.fillPrice(kind: order.kind, reference: reference, side: side)
        guard quantity > 1e-12 * max(abs(portfolio.quantity[s]), 1) else { return }
        let since = lastExit[s].map { RiskManager.SinceExit(bars: symbolBar - $0.bar, milliseconds: time.milliseconds - $0.time.milliseconds) }
        let (approved, refused) = risk.review(order: order, side: side, quantity: quantity, price: fillPrice,
                                              portfolio: portfolio, time: time, sinceExit: since)
        rejections.append(contentsOf: refused)
        guard approved > 0 else { return }
        let before = portfolio.quantity[s]
        let fill = Fill(
            id: fills.count + 1, orderID: order.id, symbol: s, time: time, side: side, quantity: approved,
            price: fillPrice, commission: config.commission.commission(quantity: approved, price: fillPrice),
            slippage: abs(fillPrice - reference) * approved)
        fills.append(fill)
        portfolio.apply(fill, barIndex: barIndex)
        let after = portfolio.quantity[s]
        if before != 0 && (after == 0 || (after > 0) != (before > 0)) { lastExit[s] = (symbolBar, time) }
    }
}

extension OrderSize {
    var isTarget: Bool {
        if case .targetPercent = self { return true }
        return false
    }
}
