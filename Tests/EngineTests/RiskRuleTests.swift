import Engine
import Model
import Testing

/// Flat bars at `price`, one a minute.
private func flat(_ symbol: String, _ n: Int, at price: Double = 100) -> BarSeries {
    bars(symbol, Array(repeating: (price, price, price, price), count: n))
}

private func config(_ risk: RiskLimits, capital: Double = 10_000) -> BacktestConfig {
    BacktestConfig(capital: capital, risk: risk)
}

/// per_symbol.max_quantity cuts a buy of 15 to 10 and says so; a buy of 10 passes untouched.
@Test func perSymbolMaxQuantity() {
    let limits = RiskLimits(perSymbol: .init(maxQuantity: 10))
    let cut = run([flat("X", 3)], config(limits), [0: { _ = $0.buy(0, quantity: 15) }])
    #expect(cut.fills.map(\.quantity) == [10])
    #expect(cut.rejections.map(\.rule.rawValue) == ["per_symbol"])
    #expect(cut.rejections[0].requestedQuantity == 15 && cut.rejections[0].approvedQuantity == 10)
    #expect(cut.rejections[0].detail == "position 15 at 100 would exceed max_quantity 10")
    let pass = run([flat("X", 3)], config(limits), [0: { _ = $0.buy(0, quantity: 10) }])
    #expect(pass.fills.map(\.quantity) == [10] && pass.rejections.isEmpty)
}

/// per_symbol.max_percent 0.3 of equity 10,000 at price 100 is 30 units; the tightest
/// per-symbol limit wins.
@Test func perSymbolMaxPercentAndNotional() {
    let r = run([flat("X", 3)], config(RiskLimits(perSymbol: .init(maxNotional: 5000, maxPercent: 0.3))), [0: { _ = $0.buy(0, quantity: 40) }])
    #expect(r.fills.map(\.quantity) == [30])
    #expect(r.rejections.map(\.detail) == ["position 40 at 100 would exceed max_percent 0.3 x equity 10000"])
}

/// max_net_exposure 0.5: long A 4,000 then long B 2,000 would make net 6,000 > 5,000, so B
/// is cut to 10 units; a short in B lowers net exposure and passes whole.
@Test func maxNetExposure() {
    let limits = RiskLimits(maxLeverage: 2, maxNetExposure: 0.5)
    let long = run([flat("A", 3), flat("B", 3)], config(limits), [0: { _ = $0.buy(0, quantity: 40) }, 1: { _ = $0.buy(1, quantity: 20) }])
    #expect(long.fills.map(\.quantity) == [40, 10])
    #expect(long.rejections.map(\.rule.rawValue) == ["max_net_exposure"])
    #expect(long.rejections[0].detail == "net exposure 6000 would exceed 0.5 x equity 10000")
    let hedge = run([flat("A", 3), flat("B", 3)], config(limits), [0: { _ = $0.buy(0, quantity: 40) }, 1: { _ = $0.sell(1, quantity: 20) }])
    #expect(hedge.fills.map(\.quantity) == [40, 20] && hedge.rejections.isEmpty)
}

/// lot_size 5 rounds 12 down to 10 (sizing, not recorded); 3 is less than a lot: refused.
@Test func lotSize() {
    let r = run([flat("X", 4)], config(RiskLimits(lotSize: 5)), [0: { _ = $0.buy(0, quantity: 12) }, 1: { _ = $0.buy(0, quantity: 3) }])
    #expect(r.fills.map(\.quantity) == [10])
    #expect(r.rejections.map(\.rule.rawValue) == ["lot_size"])
    #expect(r.rejections[0].detail == "3 is less than one lot of 5")
}

/// min_notional 500: 4 units at 100 (400) are refused, 5 (500) pass; exits are never refused.
@Test func minNotional() {
    let r = run([flat("X", 5)], config(RiskLimits(minNotional: 500)), [
        0: { _ = $0.buy(0, quantity: 4) }, 1: { _ = $0.buy(0, quantity: 5) }, 2: { _ = $0.sell(0, quantity: 1) },
    ])
    #expect(r.fills.map(\.quantity) == [5, 1])
    #expect(r.rejections.map(\.detail) == ["notional 400 is below the minimum 500"])
}

/// cooldown 2 bars: an exit fills at bar 2; a re-entry filling at bar 3 (1 bar later) is
/// refused, one filling at bar 4 (2 bars later) passes. The same with a 2-minute duration.
@Test(arguments: [RiskLimits.Cooldown.bars(2), .milliseconds(120_000)])
func cooldownAfterExit(_ cooldown: RiskLimits.Cooldown) {
    let r = run([flat("X", 6)], config(RiskLimits(cooldown: cooldown)), [
        0: { _ = $0.buy(0, quantity: 1) }, 1: { _ = $0.sell(0, quantity: 1) },
        2: { _ = $0.buy(0, quantity: 1) }, 3: { _ = $0.buy(0, quantity: 1) },
    ])
    #expect(r.fills.map(\.time.milliseconds) == [60_000, 120_000, 240_000])
    #expect(r.rejections.map(\.rule.rawValue) == ["cooldown"])
    #expect(r.rejections[0].time.milliseconds == 180_000)
    let expected = if case .bars = cooldown { "1 bars since the last exit, cooldown 2 bars" } else { "1 minutes since the last exit, cooldown 2 minutes" }
    #expect(r.rejections[0].detail == expected)
}

/// Several rules on one order: each cut is its own row, with the quantity that reached it.
@Test func cutsChain() {
    let r = run([flat("X", 3)], config(RiskLimits(perSymbol: .init(maxQuantity: 150)), capital: 10_000), [0: { _ = $0.buy(0, quantity: 200) }])
    #expect(r.rejections.map(\.rule.rawValue) == ["per_symbol", "max_leverage"])
    #expect(r.rejections.map(\.requestedQuantity) == [200, 150])
    #expect(r.rejections.map(\.approvedQuantity) == [150, 100])
    #expect(r.fills.map(\.quantity) == [100])
}
