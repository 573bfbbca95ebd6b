import Model

/// Donchian channel breakout with an ATR stop, long only.
///
/// Enters when a close rises above the highest high of the previous `entry` bars; at entry
/// places a stop `stop_atr` × ATR(`atr_period`) below that close. Exits at market when a
/// close falls below the lowest low of the previous `exit` bars, or by the stop.
///
/// Entries are tagged `decisive` when the close clears the channel by at least half an ATR,
/// `marginal` otherwise.
///
/// Sizing: by default each entry targets `size` / symbols of equity. With `risk_sized: true`
/// the entry is a bracket sized by the config's `risk.sizing` (set it to ATR sizing with the
/// same multiple and period, and a stopped trade loses `risk_per_trade` of equity); `size`
/// is then not read.
public struct DonchianBreakout: Strategy {
    public static let name = "donchian-breakout"
    let share: Double
    let riskSized: Bool
    let stopMultiple: Double
    var highs: [RollingExtreme]
    var lows: [RollingExtreme]
    var atr: [ATR]
    var stopOrder: [Int?]

    public init(parameters: Parameters) throws {
        let entry = try parameters.int("entry", default: 20, range: 1...100_000)
        let exit = try parameters.int("exit", default: 10, range: 1...100_000)
        let atrPeriod = try parameters.int("atr_period", default: 14, range: 1...100_000)
        stopMultiple = try parameters.double("stop_atr", default: 2, range: 0.1...100)
        let n = parameters.symbols.count
        riskSized = try parameters.bool("risk_sized", default: false)
        share = riskSized ? 0 : try parameters.double("size", default: 1, range: 0...10) / Double(n)
        highs = Array(repeating: RollingExtreme(period: entry, kind: .highest), count: n)
        lows = Array(repeating: RollingExtreme(period: exit, kind: .lowest), count: n)
        atr = Array(repeating: ATR(period: atrPeriod), count: n)
        stopOrder = Array(repeating: nil, count: n)
    }

    public mutating func onBar(_ bar: Bar, symbol s: Int, context: StrategyContext) {
        // The channel is of the bars before this one: compare first, then update.
        let ready = highs[s].isReady && lows[s].isReady && atr[s].isReady
        let upper = highs[s].value, lower = lows[s].value, range = atr[s].value
        highs[s].update(bar.high)
        lows[s].update(bar.low)
        atr[s].update(high: bar.high, low: bar.low, close: bar.close)
        guard ready else { return }
        let holding = context.position(s) > 0
        if !holding, stopOrder[s] != nil {
            context.cancel(orderID: stopOrder[s]!)  // stopped out, or the entry never filled
            stopOrder[s] = nil
        }
        if !holding && stopOrder[s] == nil && bar.close > upper {
            let stop = bar.close - stopMultiple * range
            // Does a breakout that clears the channel by half an ATR or more do better than
            // one that barely pokes through? The tag lets breakdowns.json answer it.
            let tag = bar.close - upper >= 0.5 * range ? "decisive" : "marginal"
            if riskSized {
                stopOrder[s] = context.bracket(s, side: .buy, size: .sized, stopLoss: stop, tag: tag).stopLoss
            } else {
                context.targetPercent(s, share, tag: tag)
                stopOrder[s] = context.submit(symbol: s, side: .sell, size: .targetPercent(0), kind: .stop(price: stop))
            }
        } else if holding && bar.close < lower {
            if let id = stopOrder[s] { context.cancel(orderID: id) }
            stopOrder[s] = nil
            context.close(s)
        }
    }
}
