import Engine
import Model
import Testing

/// Buying more than cash allows is cut to what 1× leverage leaves, and recorded.
@Test func leverageResizesAndRecords() {
    let data = bars("X", [(100, 100, 100, 100), (100, 100, 100, 100)])
    let r = run([data], BacktestConfig(capital: 1000), [0: { $0.buy(0, quantity: 15) }])
    #expect(r.fills.map(\.quantity) == [10])
    #expect(r.rejections.count == 1)
    let x = r.rejections[0]
    #expect(x.rule.rawValue == "max_leverage" && x.requestedQuantity == 15 && x.approvedQuantity == 10)
    #expect(x.detail == "gross exposure 1500 would exceed 1 x equity 1000")
}

/// A second position is refused when max_positions is 1; exits always pass.
@Test func maxPositionsRefusesNewEntries() {
    let a = bars("A", [(10, 10, 10, 10), (10, 10, 10, 10), (10, 10, 10, 10)])
    let b = bars("B", [(10, 10, 10, 10), (10, 10, 10, 10), (10, 10, 10, 10)])
    let r = run([a, b], BacktestConfig(capital: 1000, risk: RiskLimits(maxPositions: 1)), [
        0: { $0.buy(0, quantity: 10); $0.buy(1, quantity: 10) },
        1: { $0.sell(0, quantity: 10) },
    ])
    #expect(r.fills.map(\.symbol) == [0, 0])
    #expect(r.rejections.map(\.rule.rawValue) == ["max_positions"])
    #expect(r.rejections[0].detail == "1 positions open, limit 1")
}

/// With shorts disabled, a sell beyond the long position is cut to the position.
@Test func allowShortFalseCutsSells() {
    let data = bars("X", [(10, 10, 10, 10), (10, 10, 10, 10), (10, 10, 10, 10)])
    let r = run([data], BacktestConfig(capital: 1000, risk: RiskLimits(allowShort: false)), [
        0: { $0.buy(0, quantity: 5) },
        1: { $0.sell(0, quantity: 8) },
    ])
    #expect(r.fills.map(\.quantity) == [5, 5])
    #expect(r.rejections.map(\.rule.rawValue) == ["allow_short"])
    #expect(r.openPositionsAtEnd == 0)
}
