import Engine
import Model
import Testing

/// Fixed and percent-of-equity sizing: `enter` buys 7 units, or half of 10,000 at 100 = 50.
@Test(arguments: [(PositionSizing.fixed(quantity: 7), 7.0), (.percentEquity(0.5), 50)])
func simpleSizing(_ sizing: PositionSizing, _ quantity: Double) {
    let r = run([flatBars("X", 3)], BacktestConfig(capital: 10_000, risk: RiskLimits(sizing: sizing)), [0: { _ = $0.enter(0) }])
    #expect(r.fills.map(\.quantity) == [quantity])
}

/// ATR sizing, risk 1% with the stop 2 × ATR(2) away. The first two bars have true ranges 4
/// and 4 (103 − 99 against a previous close of 100), so ATR = 4, the stop distance 8 and
/// the quantity 0.01 · 10,000 / 8 = 12.5, rounded down to 12 by a lot size of 1.
@Test func atrSizingByHand() {
    let series = bars("X", [(100, 102, 98, 100), (100, 103, 99, 101), (101, 101, 101, 101), (101, 101, 101, 101)])
    let risk = RiskLimits(lotSize: 1, sizing: .atr(riskFraction: 0.01, multiple: 2, period: 2))
    var distance: Double?
    let r = run([series], BacktestConfig(capital: 10_000, risk: risk), [1: { c in distance = c.stopDistance(0); _ = c.enter(0) }])
    #expect(distance == 8)
    #expect(r.fills.map(\.quantity) == [12])
    #expect(r.fills.map(\.price) == [101])
}

/// Before the ATR has its bars, a sized entry is refused and says why.
@Test func atrSizingBeforeWarmUp() {
    let risk = RiskLimits(sizing: .atr(riskFraction: 0.01, multiple: 2, period: 2))
    let r = run([flatBars("X", 3)], BacktestConfig(capital: 10_000, risk: risk), [0: { _ = $0.enter(0) }])
    #expect(r.fills.isEmpty)
    #expect(r.rejections.map(\.rule.rawValue) == ["sizing"])
    #expect(r.rejections[0].detail == "ATR(2) is not ready yet (it needs 2 bars of the symbol)")
}
