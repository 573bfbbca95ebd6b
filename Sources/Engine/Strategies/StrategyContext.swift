import Model

/// What a strategy may see and do while it handles a bar: the clock, the portfolio (read
/// only) and order submission. One context lives for the whole run; nothing here allocates
/// per bar except the orders a strategy submits.
public final class StrategyContext {
    public let symbols: [String]
    public internal(set) var time = Timestamp(milliseconds: 0)
    /// Index of the current timestamp in the run's timeline (0-based).
    public internal(set) var barIndex = 0
    let portfolio: Portfolio
    var outbox: [Order] = []
    var cancellations: [Int] = []
    private var nextOrderID = 1

    init(symbols: [String], portfolio: Portfolio) {
        self.symbols = symbols
        self.portfolio = portfolio
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
    /// (or this bar's close with `execution.fill: close`); limit and stop orders are live
    /// from the next bar until filled or cancelled.
    @discardableResult
    public func submit(symbol: Int, side: Side, size: OrderSize, kind: OrderKind = .market) -> Int {
        precondition(symbols.indices.contains(symbol), "symbol \(symbol) is not in this run")
        let id = nextOrderID
        nextOrderID += 1
        outbox.append(Order(id: id, symbol: symbol, side: side, size: size, kind: kind, submittedAt: time))
        return id
    }

    @discardableResult
    public func buy(_ symbol: Int, quantity: Double, kind: OrderKind = .market) -> Int {
        submit(symbol: symbol, side: .buy, size: .quantity(quantity), kind: kind)
    }

    @discardableResult
    public func sell(_ symbol: Int, quantity: Double, kind: OrderKind = .market) -> Int {
        submit(symbol: symbol, side: .sell, size: .quantity(quantity), kind: kind)
    }

    /// Moves the position to `fraction` of equity (1 = all in long, 0 = flat, -1 = all in
    /// short), sized at the fill price. Each call is an order: call it when the view
    /// changes, not on every bar, unless rebalancing every bar is what you mean.
    @discardableResult
    public func targetPercent(_ symbol: Int, _ fraction: Double, kind: OrderKind = .market) -> Int {
        submit(symbol: symbol, side: fraction >= 0 ? .buy : .sell, size: .targetPercent(fraction), kind: kind)
    }

    /// Closes the whole position in `symbol` at market.
    @discardableResult
    public func close(_ symbol: Int) -> Int { targetPercent(symbol, 0) }

    /// Cancels an open order that has not filled yet.
    public func cancel(orderID: Int) { cancellations.append(orderID) }
}
