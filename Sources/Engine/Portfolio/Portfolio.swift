import Model

/// Cash, positions and the round trips they make.
///
/// Accounting rules:
/// - a buy of q at p costs q·p + commission; a sell receives q·p − commission (shorts too:
///   the proceeds of a short sale are cash, the negative position is a liability);
/// - adding to a position moves its average price to the quantity-weighted average;
/// - reducing closes a `Trade` for the reduced quantity at the position's average price;
///   the entry commission is carried per unit and charged to trades pro rata;
/// - a fill that crosses zero closes the old position and opens the rest the other way;
/// - equity = cash + Σ quantity · mark, marked at the last price seen for each symbol.
public final class Portfolio {
    public private(set) var cash: Double
    public private(set) var quantity: [Double]
    public private(set) var averagePrice: [Double]
    /// The last price seen for each symbol, as an array (a copy of `marks`, which the
    /// engine writes; setting it is for tests that mark a portfolio by hand).
    public internal(set) var mark: [Double] {
        get { Array(marks) }
        set { for s in marks.indices where s < newValue.count { marks[s] = newValue[s] } }
    }
    /// Written for every symbol with a bar at every step, twice (open, then close): memory
    /// of this portfolio alone, not an array, whose every write would first ask the runtime
    /// whether its buffer is shared. Freed with the portfolio.
    let marks: UnsafeMutableBufferPointer<Double>
    public private(set) var openPositionCount = 0
    public private(set) var trades: [Trade] = []
    private var entryTime: [Timestamp]
    private var entryBar: [Int]
    /// The tag of the order that opened each position, given to its trades.
    private var entryTag: [String]
    private var entryCommissionPerUnit: [Double]
    /// Σ |quantity| · price of the open position's entry fills, kept exactly enough that
    /// `averagePrice` is the correctly rounded average, not a running one re-rounded per fill.
    private var entryNotional: [CompensatedSum]

    deinit { marks.deallocate() }

    /// Room for `count` closed trades (see `RunState.init`).
    func reserveTrades(_ count: Int) { trades.reserveCapacity(count) }

    public init(cash: Double, symbolCount: Int) {
        self.cash = cash
        quantity = [Double](repeating: 0, count: symbolCount)
        averagePrice = quantity
        marks = .allocate(capacity: symbolCount)
        marks.initialize(repeating: 0)
        entryCommissionPerUnit = quantity
        entryNotional = [CompensatedSum](repeating: CompensatedSum(), count: symbolCount)
        entryTime = [Timestamp](repeating: Timestamp(milliseconds: 0), count: symbolCount)
        entryBar = [Int](repeating: 0, count: symbolCount)
        entryTag = [String](repeating: "", count: symbolCount)
    }

    /// Read every bar (equity out, sizing, the risk monitor): inlined into the loop.
    @inline(__always) public var equity: Double {
        var e = cash
        for s in quantity.indices where quantity[s] != 0 { e += quantity[s] * marks[s] }
        return e
    }

    /// Σ |quantity| · mark over every symbol but `except`.
    public func grossExposure(except: Int? = nil) -> Double {
        var g = 0.0
        for s in quantity.indices where s != except && quantity[s] != 0 { g += abs(quantity[s]) * marks[s] }
        return g
    }

    /// Σ quantity · mark (signed: shorts count against longs) over every symbol but `except`.
    public func netExposure(except: Int? = nil) -> Double {
        var n = 0.0
        for s in quantity.indices where s != except && quantity[s] != 0 { n += quantity[s] * marks[s] }
        return n
    }

    /// Books a fill; appends a trade for any quantity it closes. `tag` is the order's: it
    /// labels the position when this fill opens one.
    public func apply(_ fill: Fill, barIndex: Int, tag: String? = nil) {
        let s = fill.symbol
        let q = quantity[s]
        let d = fill.side.sign * fill.quantity
        cash -= d * fill.price + fill.commission
        if q == 0 || (q > 0) == (d > 0) {
            open(symbol: s, adding: d, price: fill.price, commission: fill.commission, at: fill.time, barIndex: barIndex, tag: tag)
            return
        }
        let closed = min(abs(d), abs(q))
        let exitCommission = fill.commission * closed / abs(d)
        let entryCommission = entryCommissionPerUnit[s] * closed
        let direction: Trade.Direction = q > 0 ? .long : .short
        let gross = closed * (fill.price - averagePrice[s]) * (q > 0 ? 1 : -1)
        let pnl = gross - exitCommission - entryCommission
        trades.append(Trade(
            id: trades.count + 1, symbol: s, direction: direction, quantity: closed,
            entryTime: entryTime[s], entryPrice: averagePrice[s], exitTime: fill.time, exitPrice: fill.price,
            commission: exitCommission + entryCommission, pnl: pnl,
            returnFraction: pnl / (closed * averagePrice[s]), bars: barIndex - entryBar[s], tag: entryTag[s]))
        let rest = abs(d) - closed
        if closed == abs(q) {
            quantity[s] = 0
            averagePrice[s] = 0
            entryNotional[s] = CompensatedSum()
            entryCommissionPerUnit[s] = 0
            openPositionCount -= 1
            if rest > 0 {
                open(symbol: s, adding: rest * (d > 0 ? 1 : -1), price: fill.price,
                     commission: fill.commission - exitCommission, at: fill.time, barIndex: barIndex, tag: tag)
            }
        } else {
            quantity[s] = q + d
            // What is left stays at the same average price.
            entryNotional[s] = CompensatedSum()
            entryNotional[s].add(abs(q + d), times: averagePrice[s])
        }
    }

    private func open(symbol s: Int, adding d: Double, price: Double, commission: Double, at time: Timestamp, barIndex: Int,
                      tag: String?) {
        let q = quantity[s]
        let newQuantity = q + d
        if q == 0 {
            openPositionCount += 1
            entryTime[s] = time
            entryBar[s] = barIndex
            entryTag[s] = tag ?? ""
        }
        // A position opened by one fill keeps that fill's price exactly: (|d|·p)/|d| is not
        // always p in floating point (16335.47 came out as 16335.469999999998), and
        // trades.csv's entry_price must agree with fills.csv. More fills: the correctly
        // rounded quantity-weighted average.
        entryNotional[s].add(abs(d), times: price)
        averagePrice[s] = q == 0 ? price : entryNotional[s].divided(by: abs(newQuantity))
        entryCommissionPerUnit[s] = (abs(q) * entryCommissionPerUnit[s] + commission) / abs(newQuantity)
        quantity[s] = newQuantity
    }
}
