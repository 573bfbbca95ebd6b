import Model

/// Closed trades of one group (a symbol, a tag, a weekday): how many, how many won, what
/// they made. Win rate, expectancy and profit factor follow metrics.json's definitions: a
/// win is a trade with P&L > 0; profit factor is gross profit over gross loss (nil without
/// a losing trade).
package struct TradeStats: Sendable, Equatable {
    package var trades = 0
    package var wins = 0
    package var grossProfit = 0.0
    package var grossLoss = 0.0
    /// Σ of each trade's return (P&L over entry notional), for the mean trade return.
    package var returnSum = 0.0

    package init() {}

    package mutating func add(_ t: Trade) {
        trades += 1
        if t.pnl > 0 { grossProfit += t.pnl; wins += 1 } else { grossLoss -= t.pnl }
        returnSum += t.returnFraction
    }

    package var pnl: Double { grossProfit - grossLoss }
    package var winRate: Double? { trades > 0 ? Double(wins) / Double(trades) : nil }
    package var expectancy: Double? { trades > 0 ? pnl / Double(trades) : nil }
    package var profitFactor: Double? { grossLoss > 0 ? grossProfit / grossLoss : nil }
    package var meanReturn: Double? { trades > 0 ? returnSum / Double(trades) : nil }

    /// trades, win_rate, pnl, expectancy, profit_factor: the keys every trade group shares.
    package var canonical: [String: CanonicalValue] {
        ["trades": .int(trades), "win_rate": .optional(winRate), "pnl": .number(pnl), "expectancy": .optional(expectancy),
         "profit_factor": .optional(profitFactor)]
    }
}
