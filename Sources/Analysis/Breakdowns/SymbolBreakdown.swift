import Engine
import Model

/// One symbol's part in a run: its closed trades, its share of the return, how often it
/// was held, what it paid in commission and how often the risk manager refused it.
package struct SymbolBreakdown: Sendable, Equatable {
    package var symbol: String
    package var stats: TradeStats
    /// Realized P&L of its closed trades over the initial capital.
    package var returnContribution: Double
    /// Share of timeline bars that closed with a position in it.
    package var exposure: Double
    /// Commission of every fill in it, open positions' entries included.
    package var commission: Double
    package var rejections: Int

    /// - Complexity: O(bars + fills + trades + rejections).
    package static func compute(_ result: BacktestResult) -> [SymbolBreakdown] {
        let n = result.symbols.count
        var stats = [TradeStats](repeating: TradeStats(), count: n)
        for t in result.trades { stats[t.symbol].add(t) }
        var commission = [Double](repeating: 0, count: n), rejections = [Int](repeating: 0, count: n)
        for f in result.fills { commission[f.symbol] += f.commission }
        for r in result.rejections { rejections[r.symbol] += 1 }
        // Positions at each bar close, replayed from the fills (in time order, as recorded).
        var position = [Double](repeating: 0, count: n), held = [Int](repeating: 0, count: n)
        var f = 0
        for t in result.times {
            while f < result.fills.count && result.fills[f].time.milliseconds <= t {
                let fill = result.fills[f]
                // The same additions in the same order as the portfolio's: the same positions.
                position[fill.symbol] += fill.side.sign * fill.quantity
                f += 1
            }
            for s in 0..<n where position[s] != 0 { held[s] += 1 }
        }
        let bars = Double(max(result.times.count, 1))
        return (0..<n).map { s in
            SymbolBreakdown(symbol: result.symbols[s], stats: stats[s], returnContribution: stats[s].pnl / result.initialCapital,
                            exposure: Double(held[s]) / bars, commission: commission[s], rejections: rejections[s])
        }
    }

    package var canonical: CanonicalValue {
        var m = stats.canonical
        m["symbol"] = .string(symbol)
        m["return_contribution"] = .number(returnContribution)
        m["exposure"] = .number(exposure)
        m["commission"] = .number(commission)
        m["rejections"] = .int(rejections)
        m.removeValue(forKey: "expectancy")
        m.removeValue(forKey: "profit_factor")
        return .map(m)
    }
}
