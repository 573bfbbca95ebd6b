import Engine
import Model
import Testing

/// Python's float floor division, case by case as CPython prints them: `1.0 // 0.1` is 9.0
/// (the quotient 10.0 is rounded up from 9.99...), `0.3 // 0.1` is 2.0, and all equity
/// less one ulp at 100 buys 99 whole units where all of it buys 100.
@Test func pythonFloorDivisionMatchesCPython() {
    let cases: [(Double, Double, Double)] = [
        (7, 2, 3), (-7, 2, -4), (7, -2, -4), (1.0, 0.1, 9), (0.3, 0.1, 2), (0, 5, 0),
        (10_000 * (1 - 0x1p-52), 100, 99), (10_000, 100, 100),
    ]
    for (x, y, expected) in cases {
        #expect(x.pythonFloorDivided(by: y) == expected, "\(x) // \(y)")
    }
}

/// A reversal in whole units. Capital 1,000; bar 0 targets all in long, which fills at
/// bar 1's open of 30: 1,000 // 30 = 33 whole units (33.33), cash left 10. Bar 1 closes at
/// 40 and targets all in short, filled at bar 2's open of 50, with equity marked at that
/// open: 10 + 33 · 50 = 1,660, so −(1,660 // 50) = −33 units (33.2), a sell of 66: what
/// backtesting.py's close-then-sell sizes from the cash the closed long leaves. Fractional
/// units (the default) hold 1,000 / 30 and then −(1,000 / 30 · 50) / 50 of the same equity.
@Test func wholeUnitTargets() {
    let series = bars("X", [(100, 100, 100, 100), (30, 40, 30, 40), (50, 50, 50, 50), (50, 50, 50, 50)])
    let script: [Int: (StrategyContext) -> Void] = [0: { _ = $0.targetPercent(0, 1) }, 1: { _ = $0.targetPercent(0, -1) }]
    let whole = run([series], BacktestConfig(capital: 1_000, execution: ExecutionRules(targetUnits: .whole)), script)
    #expect(whole.fills.map(\.quantity) == [33, 66])
    #expect(whole.fills.map(\.price) == [30, 50])
    #expect(whole.equity.last == 1_660)  // flat at 50 after the reversal
    let fractional = run([series], BacktestConfig(capital: 1_000), script)
    #expect(fractional.fills[0].quantity == 1_000.0 / 30)
    #expect(abs(fractional.fills[1].quantity - 2 * 1_000.0 / 30) < 1e-9)
}
