import Model

/// The mutable state of one run; lives for the duration of `Backtest.run`. The step order is
/// documented on `Backtest`; order handling, matching, fills and forced exits are in the
/// `RunState+…` files beside this one.
struct RunState {
    enum Status { case pending, dormant, open, done }

    let series: [BarSeries]
    let config: BacktestConfig
    let simulator: FillSimulator
    let risk: RiskManager
    let portfolio: Portfolio
    let context: StrategyContext
    let volatility: SymbolVolatility
    var monitor: RiskMonitor
    var latency: LatencySampler
    var queue = EventQueue()

    // Per order, index = id - 1.
    var orders: [Order] = []
    var status: [Status] = []
    var filled: [Double] = []
    /// A bracket leg that woke on step `step` first meets the market at its entry's fill price.
    var activation: [(step: Int, price: Double)?] = []
    /// Ids of orders that may be open, in submission order (done ones are dropped lazily).
    var openOrders: [Int] = []
    /// Entry id → its bracket legs; one-cancels-other group → its members.
    var legs: [Int: [Int]] = [:]
    var groups: [Int: [Int]] = [:]

    var fills: [Fill] = []
    var rejections: [Rejection] = []
    var cancelled = 0, expired = 0, replacesFailed = 0, outsideWindows = 0
    /// Per symbol: its bar index and time when a position in it last went flat (cooldown).
    var lastExit: [(bar: Int, time: Timestamp)?]
    var step = 0
    var anyDayOrders = false
    var checkedDay: Int64?
    var nextForcedExit = 0

    init(series: [BarSeries], config: BacktestConfig) {
        (self.series, self.config) = (series, config)
        simulator = FillSimulator(commission: config.commission, slippage: config.slippage, timing: config.fillTiming)
        risk = RiskManager(limits: config.risk, commission: config.commission)
        portfolio = Portfolio(cash: config.capital, symbolCount: series.count)
        volatility = SymbolVolatility(sizingPeriod: config.risk.sizing.atrPeriod,
                                      slippagePeriod: config.slippage.needsATR ? config.slippage.atrPeriod : nil,
                                      symbolCount: series.count)
        context = StrategyContext(symbols: series.map(\.symbol), portfolio: portfolio, volatility: volatility,
                                  sizing: config.risk.sizing)
        monitor = RiskMonitor(limits: config.risk, calendar: config.calendar, capital: config.capital, symbols: series.map(\.symbol))
        latency = LatencySampler(config.execution.latency)
        lastExit = Array(repeating: nil, count: series.count)
        // Room for an order every 16 bars up front (P1: 20,470 orders in 525,600 bars):
        // growing by doubling copied and first touched twice the memory in the first run of
        // a process. Room never used is address space only; a busier run grows as before.
        let expected = min(series.reduce(0) { $0 + $1.count } / 16, 1 << 20)
        orders.reserveCapacity(expected)
        status.reserveCapacity(expected)
        filled.reserveCapacity(expected)
        activation.reserveCapacity(expected)
        fills.reserveCapacity(expected)
        portfolio.reserveTrades(expected / 2)
    }

    // Specialised for the built-in strategies, so the loop calls their `onBar` directly (and
    // can inline it) instead of through the protocol's witness table; any other strategy
    // takes the generic body.
    @_specialize(where S == SMACrossover)
    @_specialize(where S == DonchianBreakout)
    @_specialize(where S == BollingerReversion)
    @_specialize(where S == BuyAndHold)
    mutating func run<S: Strategy>(_ strategy: inout S, feed: EquityFeed?) -> BacktestResult {
        let clock = Timeline(series.map(\.times))
        let timeline = clock.times, sharedClock = clock.shared
        let symbolCount = series.count
        // Each symbol's times, for merging clocks that are not shared (a local copy, shared
        // storage: read without retaining it around the opaque strategy call).
        let times = series.map(\.times)
        let counts = series.map(\.count)
        // Many symbols are more column streams than the hardware prefetcher follows (six
        // per symbol): every fourth bar of a symbol asks for the lines `prefetchAhead` bars
        // on (a line holds eight values, and the fourth keeps every line covered whatever
        // the array's alignment). 10 symbols: 523 ms without, 405 ms with (engine-bench).
        let prefetching = symbolCount > 2
        let prefetchAhead = 32
        // The bars' fields, read in place (see `SeriesColumns`); `series` is a `let` of self.
        let columns = SeriesColumns(series)
        defer { columns.deallocate() }
        // The strategy's context as a local: passed to `onBar` from a stored property of
        // `self` (which the call could in principle replace), it was retained and released
        // around every bar; a local is known to outlive the loop.
        let context = self.context, portfolio = self.portfolio
        let monitored = config.risk.needsMonitor, watchesPrices = monitor.watchesPrices
        let tracksVolatility = volatility.isNeeded
        let forcedExits = config.execution.forcedExits
        let windowed = config.tradingWindows != nil, windows = config.tradingWindows ?? []
        var window = 0
        if windowed { context.tradingAllowed = false }
        // Per symbol: its next bar, and its bar at this step (-1: none). Scratch memory of
        // this call alone, written every step for every symbol: a pointer, not an array,
        // whose every write would first ask the runtime whether its buffer is shared.
        let cursor = UnsafeMutableBufferPointer<Int>.allocate(capacity: symbolCount)
        let present = UnsafeMutableBufferPointer<Int>.allocate(capacity: symbolCount)
        cursor.initialize(repeating: 0)
        present.initialize(repeating: -1)
        defer { cursor.deallocate(); present.deallocate() }
        var exposed = 0, barsProcessed = 0
        // Steps handed to `feed` so far, and the step count at which the next chunk goes.
        var fed = 0, nextFeed = feed.map { min($0.chunk, timeline.count) } ?? Int.max

        // The three outputs are written in place, one element per step, every element: each
        // append would first ask the runtime whether its buffer is shared and has room.
        let steps = timeline.count
        let (equity, cash, exposedAtClose) = Self.outputs(steps) { equityOut, cashOut, exposedOut in
            // A range, not `enumerated()`: unoptimized (debug) builds box an array's iterator, an
            // allocation per bar that the allocation test would count.
            for ti in 0..<steps {
                let t = timeline[ti]
                let now = Timestamp(milliseconds: t)
                context.time = now
                context.barIndex = ti
                step = ti
                if monitored { monitor.beginStep(time: t) }
                while let event = queue.pop(notAfter: now) { handle(event, now: now) }
                if anyDayOrders { expireDayOrders(now: now) }

                if sharedClock {
                    // Every symbol's bar of this step is its bar `ti`: no times to compare.
                    let prefetchingNow = prefetching && (ti & 3) == 0 && ti + prefetchAhead < steps
                    for s in 0..<symbolCount {
                        present[s] = ti
                        if prefetchingNow { columns.prefetch(s, bar: ti + prefetchAhead, columnsFrom: 1) }
                    }
                } else {
                    for s in 0..<symbolCount {
                        let c = cursor[s]
                        if c < counts[s] && times[s][c] == t {
                            present[s] = c
                            cursor[s] = c + 1
                            if prefetching && (c & 3) == 0 && c + prefetchAhead < counts[s] {
                                columns.prefetch(s, bar: c + prefetchAhead, columnsFrom: 0)
                            }
                        } else {
                            present[s] = -1
                        }
                    }
                }
                while nextForcedExit < forcedExits.count && forcedExits[nextForcedExit].time <= now {
                    forceExits(forcedExits[nextForcedExit], now: now)
                    nextForcedExit += 1
                }
                if windowed {
                    while window < windows.count && t >= windows[window].end {
                        if windows[window].closeAtEnd { forceExits(ForcedExit(time: now), now: now, rule: .windowEnd) }
                        window += 1
                    }
                    context.tradingAllowed = window < windows.count && t >= windows[window].start
                }
                if !openOrders.isEmpty { matchOpenOrders(present: UnsafeBufferPointer(present), barIndex: ti, now: now) }
                for s in 0..<symbolCount where present[s] >= 0 {
                    portfolio.marks[s] = columns.close(s, present[s])
                }
                if tracksVolatility || watchesPrices {
                    for s in 0..<symbolCount where present[s] >= 0 {
                        let b = present[s]
                        if tracksVolatility { volatility.update(symbol: s, high: columns.high(s, b), low: columns.low(s, b), close: columns.close(s, b)) }
                        if watchesPrices { monitor.observeClose(symbol: s, close: columns.close(s, b), time: t) }
                    }
                }
                for s in 0..<symbolCount where present[s] >= 0 {
                    if symbolCount == 1 {
                        Self.deliver(columns.bar(s, present[s], time: now), symbol: s, to: &strategy, context: context)
                    } else {
                        strategy.onBar(columns.bar(s, present[s], time: now), symbol: s, context: context)
                    }
                    barsProcessed += 1
                }
                strategy.onBarsClosed(context: context)
                if !context.outbox.isEmpty || !context.cancellations.isEmpty { drainOutbox(now: now, barIndex: ti, present: UnsafeBufferPointer(present)) }
                if monitored && monitor.endStep(time: t, equity: portfolio.equity) { flattenAll(now: now) }

                equityOut[ti] = portfolio.equity
                cashOut[ti] = portfolio.cash
                if portfolio.openPositionCount > 0 { exposed += 1 }
                exposedOut[ti] = portfolio.openPositionCount > 0
                if ti + 1 == nextFeed, let feed {
                    feed.receive(fed, Array(timeline[fed...ti]), Array(equityOut[fed...ti]), Array(cashOut[fed...ti]))
                    fed = ti + 1
                    nextFeed = min(fed + feed.chunk, timeline.count)
                }
            }
        }
        return BacktestResult(
            symbols: series.map(\.symbol), times: timeline, equity: equity, cash: cash, fills: fills,
            trades: portfolio.trades, rejections: rejections, riskEvents: monitor.events, ordersSubmitted: orders.count,
            ordersCancelled: cancelled, ordersExpired: expired, replacesFailed: replacesFailed, ordersOutsideWindows: outsideWindows,
            exposedAtClose: exposedAtClose, exposedBars: exposed,
            barsProcessed: barsProcessed, openPositionsAtEnd: portfolio.openPositionCount, initialCapital: config.capital)
    }

    /// A bar to the strategy, out of line, for a run of one symbol. The optimizer inlines a
    /// strategy's bar where it is called in the loop; with one symbol that made the loop
    /// slower (the order path then stayed out of line: 19.2-19.7 -> 19.6-20.4 ms, 20
    /// alternated runs of engine-bench sma), with many faster (its bars are most of the
    /// loop's work: 10 symbols 250-254 -> 240-243 ms inlined). So one symbol's bars come
    /// through here (18.2-18.4 ms) and many symbols' are called in the loop.
    @inline(never)
    private static func deliver<S: Strategy>(_ bar: Bar, symbol s: Int, to strategy: inout S, context: StrategyContext) {
        strategy.onBar(bar, symbol: s, context: context)
    }

    /// Equity, cash and exposure for `steps` steps, each written in full by `body` through
    /// its buffer (see `run`): arrays made at their final size, filled in place.
    @inline(__always)
    private static func outputs(_ steps: Int, _ body: (UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>,
                                                      UnsafeMutableBufferPointer<Bool>) -> Void) -> ([Double], [Double], [Bool]) {
        var cash: [Double] = [], exposed: [Bool] = []
        let equity = [Double](unsafeUninitializedCapacity: steps) { equityOut, equityCount in
            cash = [Double](unsafeUninitializedCapacity: steps) { cashOut, cashCount in
                exposed = [Bool](unsafeUninitializedCapacity: steps) { exposedOut, exposedCount in
                    body(equityOut, cashOut, exposedOut)
                    exposedCount = steps
                }
                cashCount = steps
            }
            equityCount = steps
        }
        return (equity, cash, exposed)
    }
}
