import Experiments

/// Cross-sectional momentum: every `rebalance` days, hold the `top` symbols with the
/// best `lookback`-day return (if positive), equally weighted; everything else is sold.
struct DailyMomentum: Strategy {
    static let name = "daily-momentum"
    let lookback: Int, rebalance: Int, top: Int
    var closes: [RollingWindow]
    var days = 0

    init(parameters: Parameters) throws {
        lookback = try parameters.int("lookback", default: 63, range: 1...1000)
        rebalance = try parameters.int("rebalance", default: 21, range: 1...1000)
        top = try parameters.int("top", default: 2, range: 1...parameters.symbols.count)
        closes = Array(repeating: RollingWindow(capacity: lookback + 1), count: parameters.symbols.count)
    }

    mutating func onBar(_ bar: Bar, symbol: Int, context: StrategyContext) {
        closes[symbol].push(bar.close)
    }

    mutating func onBarsClosed(context: StrategyContext) {
        days += 1
        guard days % rebalance == 0 else { return }
        let scores = closes.indices.compactMap { s -> (Int, Double)? in
            guard closes[s].isFull else { return nil }
            let change = closes[s][back: 0] / closes[s][back: lookback] - 1
            return change > 0 ? (s, change) : nil
        }
        let ranked = scores.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(top).map(\.0)
        let winners = Set(ranked)
        // Exits first: their orders fill first at the next open and free the cash.
        for s in closes.indices where !winners.contains(s) && context.position(s) != 0 { context.close(s) }
        // Tagged with the rank it entered at (a position held on keeps its entry's tag), so
        // breakdowns.json shows whether the strongest pick earns more than the second.
        for s in winners.sorted() { context.targetPercent(s, 0.98 / Double(top), tag: "rank-\(ranked.firstIndex(of: s)! + 1)") }
    }
}

Experiment.main(DailyMomentum.self)
