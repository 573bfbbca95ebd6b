import Engine
import Model
import Testing

private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }

/// Buy 10, sell 4, sell 10 (close 6 and short 4), cover 4: every number worked by hand
/// with 0.1 % commission and 10 bps slippage, fills at the next open.
@Test func buyPartialSellShortAndCover() {
    let data = bars("X", [(100, 101, 99, 100), (102, 103, 101, 102), (104, 105, 103, 104),
                          (98, 99, 97, 98), (95, 96, 94, 95), (95, 96, 94, 95)])
    let config = BacktestConfig(capital: 10_000, commission: CommissionModel(percent: 0.001),
                                slippage: SlippageModel(basisPoints: 10), risk: RiskLimits(maxLeverage: 2))
    let r = run([data], config, [
        0: { $0.buy(0, quantity: 10) },
        1: { $0.sell(0, quantity: 4) },
        2: { $0.sell(0, quantity: 10) },
        3: { $0.buy(0, quantity: 4) },
    ])
    #expect(r.fills.count == 4)
    // Fill 1: 102 × 1.001 = 102.102; commission 1.02102.
    #expect(close(r.fills[0].price, 102.102))
    #expect(close(r.fills[0].commission, 1.02102))
    #expect(close(r.fills[0].slippage, 10 * 0.102))
    // Fill 2: 104 × 0.999 = 103.896; commission 0.415584.
    #expect(close(r.fills[1].price, 103.896))
    // Fill 3: 98 × 0.999 = 97.902; fill 4: 95 × 1.001 = 95.095.
    #expect(close(r.fills[2].price, 97.902))
    #expect(close(r.fills[3].price, 95.095))

    #expect(r.trades.count == 3)
    let (t1, t2, t3) = (r.trades[0], r.trades[1], r.trades[2])
    // 4 × (103.896 − 102.102) − 0.4 × 1.02102 − 0.415584
    #expect(t1.direction == .long && t1.quantity == 4 && close(t1.pnl, 6.352008))
    // 6 × (97.902 − 102.102) − 0.6 × 1.02102 − 0.6 × 0.97902
    #expect(t2.direction == .long && t2.quantity == 6 && close(t2.pnl, -26.400024))
    #expect(t2.entryTime == Timestamp(milliseconds: 60_000))
    // Short 4 at 97.902, covered at 95.095: 11.228 − 0.391608 − 0.38038
    #expect(t3.direction == .short && t3.quantity == 4 && close(t3.pnl, 10.456012))
    // Cash = capital + Σ trade P&L, since the position is flat at the end.
    #expect(close(r.cash.last!, 9990.407996))
    #expect(close(r.equity.last!, 9990.407996))
    #expect(r.openPositionsAtEnd == 0)
}

/// Equity marks open positions at each close: 10 units bought at 102, closes 104 then 98.
@Test func equityIsMarkedToMarket() {
    let data = bars("X", [(100, 100, 100, 100), (102, 102, 102, 102), (104, 104, 104, 104), (98, 98, 98, 98)])
    let r = run([data], BacktestConfig(capital: 10_000), [0: { $0.buy(0, quantity: 10) }])
    #expect(r.equity == [10_000, 10_000, 10_020, 9_960])
    #expect(r.cash == [10_000, 8_980, 8_980, 8_980])
    #expect(r.exposedBars == 3)
}

/// Commission: percent + per unit + fixed, never below the minimum.
@Test func commissionModel() {
    let m = CommissionModel(percent: 0.001, perUnit: 0.01, fixed: 1, minimum: 5)
    #expect(m.commission(quantity: 100, price: 10) == 5)                  // 1 + 1 + 1 = 3 → minimum 5
    #expect(close(m.commission(quantity: 1000, price: 10), 10 + 10 + 1))  // 21
}

/// A target of 100 % with 0.1 % commission buys equity / (price × 1.001) and is fully approved.
@Test func targetPercentSizesAtTheFillPrice() {
    let data = bars("X", [(100, 100, 100, 100), (125, 125, 125, 125), (125, 125, 125, 125)])
    let r = run([data], BacktestConfig(capital: 10_000, commission: CommissionModel(percent: 0.001)),
                [0: { $0.targetPercent(0, 1) }])
    #expect(r.rejections.isEmpty)
    #expect(close(r.fills[0].quantity, 10_000 / (125 * 1.001)))
    #expect(abs(r.cash.last!) < 1e-9)
}

/// A trade entered by one fill keeps that fill's price exactly: 6.1 × 16335.47 / 6.1 is
/// 16335.469999999998 in floating point, which trades.csv used to show.
@Test func singleFillEntryKeepsTheFillPrice() {
    #expect(6.1 * 16335.47 / 6.1 != 16335.47)  // the case this test is about
    let data = bars("X", [(16335.47, 16336, 16335, 16335.47), (16335.47, 16336, 16335, 16335.47), (16340, 16341, 16339, 16340),
                          (16340, 16341, 16339, 16340)])
    let r = run([data], BacktestConfig(capital: 1_000_000), [0: { $0.buy(0, quantity: 6.1) }, 1: { $0.sell(0, quantity: 6.1) }])
    #expect(r.fills.first?.price == 16335.47)
    #expect(r.trades.first?.entryPrice == 16335.47)
    // (16340 − 16335.47) × 6.1, no commission.
    #expect(r.trades.first.map { close($0.pnl, 27.633) } == true)
}

/// A position built by several fills has the correctly rounded quantity-weighted average as
/// its entry price: a running average re-rounded per fill gives 0.20000000000000004 for
/// 0.1, 0.2, 0.3 and 16338.767599999997 for the second case; the exact averages (worked with
/// fractions) round to 0.2 and 16338.7676.
@Test func multiFillEntryIsTheCorrectlyRoundedAverage() {
    func entry(_ fills: [(quantity: Double, price: Double)]) -> Double? {
        let opens = [fills[0].price] + fills.map(\.price) + [fills.last!.price]
        let data = bars("X", opens.map { ($0, $0, $0, $0) })
        var script: [Int: (StrategyContext) -> Void] = [:]
        for (i, f) in fills.enumerated() { script[i] = { $0.buy(0, quantity: f.quantity) } }
        let total = fills.reduce(0) { $0 + $1.quantity }
        script[fills.count] = { $0.sell(0, quantity: total) }
        let r = run([data], BacktestConfig(capital: 10_000_000), script)
        #expect(r.fills.count == fills.count + 1)
        return r.trades.first?.entryPrice
    }
    #expect(entry([(1, 0.1), (1, 0.2), (1, 0.3)]) == 0.2)
    #expect(entry([(3, 16335.47), (7, 16340.13), (2.5, 16338.91)]) == 16338.7676)
}
