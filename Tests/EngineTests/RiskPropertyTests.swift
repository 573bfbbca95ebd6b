@testable import Engine
import Model
import Testing

/// Random order streams against random-walk prices: no approved fill ever opens more than
/// max_positions, or raises gross exposure, net exposure or a symbol's share above its
/// limit. (Price moves may push exposure over a limit; the rule is that a fill never does,
/// so a fill may leave a measure above its limit only if it did not raise it.)
@Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
func noFillBreaksTheLimits(seed: UInt64) {
    var random = SeededRandom(seed: seed)
    let limits = RiskLimits(maxLeverage: 1.5, maxPositions: 2, maxNetExposure: 0.8, perSymbol: .init(maxPercent: 0.6), lotSize: 0.5)
    let risk = RiskManager(limits: limits, commission: CommissionModel(percent: 0.001))
    let portfolio = Portfolio(cash: 10_000, symbolCount: 3)
    var prices = [100.0, 50.0, 20.0]
    for step in 0..<2_000 {
        for s in prices.indices { prices[s] *= 1 + (random.uniform() - 0.5) * 0.02; portfolio.mark[s] = prices[s] }
        let s = Int(random.uniform() * 3)
        let side: Side = random.uniform() < 0.5 ? .buy : .sell
        let quantity = (random.uniform() * 200 / prices[s] * 10).rounded() / 10 + 0.1
        let order = Order(id: step + 1, symbol: s, side: side, size: .quantity(quantity), kind: .market, submittedAt: Timestamp(milliseconds: 0))
        let before = measures(portfolio, s)
        let (approved, _) = risk.review(order: order, side: side, quantity: quantity, price: prices[s], portfolio: portfolio,
                                        time: Timestamp(milliseconds: Int64(step)))
        #expect(approved >= 0 && approved <= quantity)
        guard approved > 0 else { continue }
        portfolio.apply(Fill(id: step + 1, orderID: step + 1, symbol: s, time: Timestamp(milliseconds: Int64(step)), side: side,
                             quantity: approved, price: prices[s], commission: approved * prices[s] * 0.001, slippage: 0), barIndex: step)
        let after = measures(portfolio, s)
        let equity = portfolio.equity, slack = 1e-6 * equity
        #expect(after.positions <= 2 || after.positions <= before.positions, "step \(step): \(after.positions) positions")
        #expect(after.gross <= 1.5 * equity + slack || after.gross <= before.gross + slack, "step \(step): gross \(after.gross)")
        #expect(after.net <= 0.8 * equity + slack || after.net <= before.net + slack, "step \(step): net \(after.net)")
        #expect(after.symbol <= 0.6 * equity + slack || after.symbol <= before.symbol + slack, "step \(step): symbol \(after.symbol)")
    }
}

private func measures(_ p: Portfolio, _ s: Int) -> (positions: Int, gross: Double, net: Double, symbol: Double) {
    (p.openPositionCount, p.grossExposure(), abs(p.netExposure()), abs(p.quantity[s]) * p.mark[s])
}

/// The same property through the whole engine: random streams of every order type (market,
/// limit, stop, stop-limit, brackets, day orders, cancels and replaces) with seeded latency
/// and a volume cap, on random-walk bars of three symbols. Replaying the fills against the
/// marks the engine used (each bar's open) shows no fill raised positions, gross, net or a
/// symbol's exposure above its limit.
@Test(arguments: [11, 12, 13, 14] as [UInt64])
func noEngineFillBreaksTheLimits(seed: UInt64) {
    var random = SeededRandom(seed: seed)
    let n = 600
    var series: [BarSeries] = []
    for (s, start) in [100.0, 50.0, 20.0].enumerated() {
        var price = start
        series.append(BarSeries(symbol: "S\(s)", bars: (0..<n).map { i in
            let open = price
            price *= 1 + (random.uniform() - 0.5) * 0.03
            let high = max(open, price) * (1 + random.uniform() * 0.01), low = min(open, price) * (1 - random.uniform() * 0.01)
            return Bar(time: Timestamp(milliseconds: Int64(i) * 60_000), open: open, high: high, low: low, close: price, volume: 400)
        }))
    }
    var script: [Int: (StrategyContext) -> Void] = [:]
    for bar in 0..<n - 1 {
        let s = Int(random.uniform() * 3), pick = random.uniform(), size = random.uniform() * 40 + 1, offset = random.uniform() * 0.02
        let buy = random.uniform() < 0.5, replaceBy = random.uniform()
        script[bar] = { c in
            let price = c.equity > 0 ? [100.0, 50.0, 20.0][s] : 1
            let side: Side = buy ? .buy : .sell
            switch pick {
            case ..<0.3: c.submit(symbol: s, side: side, size: .quantity(size))
            case ..<0.45: c.submit(symbol: s, side: side, size: .quantity(size), kind: .limit(price: price * (buy ? 1 - offset : 1 + offset)), timeInForce: .day)
            case ..<0.6: c.submit(symbol: s, side: side, size: .quantity(size), kind: .stopLimit(stop: price * (buy ? 1 + offset : 1 - offset), limit: price * (buy ? 1.05 : 0.95)))
            case ..<0.75: c.bracket(s, side: side, size: .quantity(size), stopLoss: price * (buy ? 0.9 : 1.1), takeProfit: price * (buy ? 1.1 : 0.9))
            case ..<0.85: c.enter(s, side: side)
            case ..<0.95: c.targetPercent(s, buy ? 0.5 : -0.5)
            default: c.close(s)
            }
            if replaceBy < 0.05 && c.barIndex > 5 { c.replace(orderID: Int(replaceBy * 1000) + 1, kind: .limit(price: price)) }
            if replaceBy > 0.95 && c.barIndex > 5 { c.cancel(orderID: Int((1 - replaceBy) * 1000) + 1) }
        }
    }
    let limits = RiskLimits(maxLeverage: 1.5, maxPositions: 2, maxNetExposure: 0.8, perSymbol: .init(maxPercent: 0.6), lotSize: 0.5,
                            sizing: .percentEquity(0.4))
    let config = BacktestConfig(capital: 10_000, commission: CommissionModel(percent: 0.001), risk: limits,
                                execution: ExecutionRules(latency: Latency(.uniform(minMilliseconds: 0, maxMilliseconds: 150_000), seed: seed),
                                                          maxVolumeShare: 0.05))
    let result = run(series, config, script)
    #expect(result.fills.count > 50, "the stream should trade")
    // The risk manager judges a fill against equity at the marks it saw (every bar's open),
    // less the fill's commission, with the symbol's position valued at the fill price.
    let replay = Portfolio(cash: 10_000, symbolCount: 3)
    for fill in result.fills {
        let bar = Int(fill.time.milliseconds / 60_000)
        for s in 0..<3 { replay.mark[s] = series[s].open[bar] }
        let before = measures(replay, fill.symbol)
        let budget = replay.equity - fill.commission, slack = 1e-6 * replay.equity
        replay.apply(fill, barIndex: bar)
        replay.mark[fill.symbol] = fill.price
        let after = measures(replay, fill.symbol)
        #expect(after.positions <= 2 || after.positions <= before.positions, "fill \(fill.id): \(after.positions) positions")
        #expect(after.gross <= 1.5 * (budget + fill.commission) - fill.commission + slack || after.gross <= before.gross + slack, "fill \(fill.id): gross \(after.gross)")
        #expect(after.net <= 0.8 * budget + slack || after.net <= before.net + slack, "fill \(fill.id): net \(after.net)")
        #expect(after.symbol <= 0.6 * budget + slack || after.symbol <= before.symbol + slack, "fill \(fill.id): symbol \(after.symbol)")
        #expect(fill.quantity <= 0.05 * 400 + 1e-9, "fill \(fill.id) beyond the volume cap")
    }
}
