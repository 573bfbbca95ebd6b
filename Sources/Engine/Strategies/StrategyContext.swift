import Model

/// What a strategy may see and do while it handles a bar: the clock, the portfolio (read
/// only) and order submission. One context lives for the whole run; nothing here allocates
/// per bar except the orders a strategy submits.
public final class StrategyContext {
    public let symbols: [String]
    public internal(set) var time = Timestamp(milliseconds: 0)
    /// Index of the current timestamp in the run's timeline (0-based).
    public internal(set) var barIndex = 0
    /// False outside the config's trading windows (a split's warm-up, a month a stress
    /// scenario leaves out): orders submitted then are dropped.
    public internal(set) var tradingAllowed = true
    let portfolio: Portfolio
    let volatility: SymbolVolatility
    let sizing: PositionSizing
    var outbox: [Order] = []
    var cancellations: [Int] = []
    private var nextOrderID = 1

    init(symbols: [String], portfolio: Portfolio, volatility: SymbolVolatility, sizing: PositionSizing) {
        (self.symbols, self.portfolio, self.volatility, self.sizing) = (symbols, portfolio, volatility, sizing)
        outbox.reserveCapacity(16)
    }

    /// Signed quantity held (negative when short).
    public func position(_ symbol: Int) -> Double { portfolio.quantity[symbol] }
    public var cash: Double { portfolio.cash }
    /// Cash plus positions marked at the last price seen.
    public var equity: Double { portfolio.equity }
    /// Number of symbols with a non-zero position.
    public var openPositions: Int { portfolio.openPositionCount }

    /// Submits an order and returns its id. Market orders fill at the next bar's open
    /// (or this bar's close with `execution.fill: close`); limit, stop and stop-limit
    /// orders are live from the next bar until filled, cancelled or (time in force `day`)
    /// the end of the trading day. With `execution.latency`, "next bar" is the first bar at
    /// or after the order reaches the venue.
    ///
    /// `tag` labels why the strategy traded; when the order opens a position, its trades
    /// carry the tag (trades.csv, breakdowns.json by tag). Every order method takes one.
    @discardableResult
    public func submit(symbol: Int, side: Side, size: OrderSize, kind: OrderKind = .market,
                       timeInForce: TimeInForce = .gtc, tag: String? = nil) -> Int {
        precondition(symbols.indices.contains(symbol), "symbol \(symbol) is not in this run")
        var order = makeOrder(symbol: symbol, side: side, size: size, kind: kind, timeInForce: timeInForce)
        order.tag = tag.map(Self.plainTag)
        outbox.append(order)
        return order.id
    }

    @discardableResult
    public func buy(_ symbol: Int, quantity: Double, kind: OrderKind = .market, timeInForce: TimeInForce = .gtc, tag: String? = nil) -> Int {
        submit(symbol: symbol, side: .buy, size: .quantity(quantity), kind: kind, timeInForce: timeInForce, tag: tag)
    }

    @discardableResult
    public func sell(_ symbol: Int, quantity: Double, kind: OrderKind = .market, timeInForce: TimeInForce = .gtc, tag: String? = nil) -> Int {
        submit(symbol: symbol, side: .sell, size: .quantity(quantity), kind: kind, timeInForce: timeInForce, tag: tag)
    }

    /// Enters on `side` with the size the config's `risk.sizing` gives at the fill
    /// (fixed, percent of equity, or ATR volatility sizing).
    @discardableResult
    public func enter(_ symbol: Int, side: Side = .buy, kind: OrderKind = .market, timeInForce: TimeInForce = .gtc,
                      tag: String? = nil) -> Int {
        submit(symbol: symbol, side: side, size: .sized, kind: kind, timeInForce: timeInForce, tag: tag)
    }

    /// Moves the position to `fraction` of equity (1 = all in long, 0 = flat, -1 = all in
    /// short), sized at the fill price. Each call is an order: call it when the view
    /// changes, not on every bar, unless rebalancing every bar is what you mean.
    @discardableResult
    public func targetPercent(_ symbol: Int, _ fraction: Double, kind: OrderKind = .market, tag: String? = nil) -> Int {
        submit(symbol: symbol, side: fraction >= 0 ? .buy : .sell, size: .targetPercent(fraction), kind: kind, tag: tag)
    }

    /// Closes the whole position in `symbol` at market.
    @discardableResult
    public func close(_ symbol: Int, tag: String? = nil) -> Int { targetPercent(symbol, 0, tag: tag) }

    /// Cancels an order that has not filled yet (it travels to the venue with the same
    /// latency as an order, so an order may fill before its cancel arrives).
    public func cancel(orderID: Int) { cancellations.append(orderID) }

    /// Cancel/replace: a new order with `kind` (and `quantity`, else what is left of the
    /// old one) takes the place of `orderID` when it reaches the venue, keeping its side,
    /// symbol, bracket links and tag. If the old order filled first, the replace does nothing
    /// (counted as `replaces_failed`). Returns the new order's id.
    @discardableResult
    public func replace(orderID: Int, kind: OrderKind, quantity: Double? = nil) -> Int {
        precondition(quantity.map { $0 > 0 } ?? true, "a replacement quantity must be positive")
        var order = makeOrder(symbol: 0, side: .buy, size: .quantity(quantity ?? 0), kind: kind, timeInForce: .gtc)
        order.replaces = orderID
        outbox.append(order)
        return order.id
    }

    /// The ids of a bracket's three orders.
    public struct Bracket: Sendable, Equatable {
        public var entry: Int
        public var stopLoss: Int
        public var takeProfit: Int?
    }

    /// An entry with a protective stop-loss and an optional take-profit, one cancelling the
    /// other. The two exits are dormant until the entry fills, then live for the quantity
    /// filled (from the entry's fill on, the rest of that bar included), reduce-only. When
    /// one bar reaches both, `execution.intrabar` decides which fills (the stop, by default).
    @discardableResult
    public func bracket(_ symbol: Int, side: Side, size: OrderSize = .sized, entry: OrderKind = .market,
                        stopLoss: Double, takeProfit: Double? = nil, timeInForce: TimeInForce = .gtc, tag: String? = nil) -> Bracket {
        precondition(!size.isTarget, "a bracket's entry needs a quantity or .sized, not a target percent")
        if let tp = takeProfit {
            precondition(side == .buy ? stopLoss < tp : stopLoss > tp, "a bracket's stop-loss must lie on the losing side of its take-profit")
        }
        let entryID = submit(symbol: symbol, side: side, size: size, kind: entry, timeInForce: timeInForce, tag: tag)
        func leg(_ kind: OrderKind) -> Int {
            var order = makeOrder(symbol: symbol, side: side.opposite, size: .quantity(0), kind: kind, timeInForce: .gtc)
            order.parent = entryID
            order.ocoGroup = entryID
            order.reduceOnly = true
            outbox.append(order)
            return order.id
        }
        let stop = leg(.stop(price: stopLoss))
        let profit = takeProfit.map { leg(.limit(price: $0)) }
        return Bracket(entry: entryID, stopLoss: stop, takeProfit: profit)
    }

    /// The stop distance `risk.sizing` assumes for `symbol` (k × ATR with ATR sizing; nil
    /// with other methods or before the ATR is ready): place a stop this far from the entry
    /// and a stopped trade loses the configured share of equity.
    public func stopDistance(_ symbol: Int) -> Double? {
        sizing.stopDistance(atr: volatility.sizingATR(symbol))
    }

    /// A tag on one line and at most 100 characters: it is a CSV field and a table label.
    static func plainTag(_ tag: String) -> String {
        // The usual tag (printable ASCII: "long", "breakout") is returned as it is, without a copy.
        if tag.utf8.count <= 100 && tag.utf8.allSatisfy({ $0 >= 32 && $0 < 127 }) { return tag }
        let line = String(tag.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
        return line.count > 100 ? String(line.prefix(100)) : line
    }

    /// A new order with the next id (strategy orders and the engine's own: forced exits,
    /// flattening).
    func makeOrder(symbol: Int, side: Side, size: OrderSize, kind: OrderKind, timeInForce: TimeInForce) -> Order {
        let id = nextOrderID
        nextOrderID += 1
        return Order(id: id, symbol: symbol, side: side, size: size, kind: kind, submittedAt: time, timeInForce: timeInForce)
    }
}

extension OrderSize {
    var isTarget: Bool {
        if case .targetPercent = self { return true }
        return false
    }
}
