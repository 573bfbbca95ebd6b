import Engine
import Model
import Testing

/// A long bracket bought at the 00:01 open of 100 with a stop at 95 and a take-profit at
/// 110, followed by `next` (the bar at 00:02), under `rule`. Returns the exit fills.
private func exitOf(_ next: (Double, Double, Double, Double), rule: IntrabarRule = .stopFirst,
                    entryBar: (Double, Double, Double, Double) = (100, 101, 99, 100)) -> [Fill] {
    let series = bars("X", [(100, 100, 100, 100), entryBar, next, (100, 100, 100, 100)])
    let config = BacktestConfig(capital: 10_000, execution: ExecutionRules(intrabar: rule))
    let r = run([series], config, [0: { $0.bracket(0, side: .buy, size: .quantity(10), stopLoss: 95, takeProfit: 110) }])
    #expect(r.fills.first?.price == 100)
    return Array(r.fills.dropFirst())
}

/// The stop alone, the take-profit alone: each fills at its price and cancels the other.
@Test func bracketStopOrTakeProfit() {
    #expect(exitOf((100, 101, 94, 96)).map(\.price) == [95])
    #expect(exitOf((100, 111, 99, 108)).map(\.price) == [110])
    #expect(exitOf((100, 111, 99, 108)).map(\.quantity) == [10])
}

/// Gaps: a bar opening below the stop fills at its open (90), not at the stop; one opening
/// above the take-profit fills at the better open (115).
@Test func bracketGapsFillAtTheOpen() {
    #expect(exitOf((90, 92, 88, 91)).map(\.price) == [90])
    #expect(exitOf((115, 116, 112, 113)).map(\.price) == [115])
}

/// One bar reaches both the stop (95) and the take-profit (110), opening at 104: stop first
/// gives 95, take-profit first 110, nearest first 110 (6 from the open against 9). Only one
/// ever fills.
@Test(arguments: [(IntrabarRule.stopFirst, 95.0), (.takeProfitFirst, 110), (.nearestFirst, 110)])
func bracketBothInsideOneBar(_ rule: IntrabarRule, _ price: Double) {
    let exits = exitOf((104, 111, 94, 100), rule: rule)
    #expect(exits.map(\.price) == [price])
}

/// The legs live from the entry's fill: an entry bar that falls to 94 after opening at 100
/// stops the position out on that same bar.
@Test func bracketStopOnTheEntryBar() {
    let exits = exitOf((100, 100, 100, 100), entryBar: (100, 101, 94, 96))
    #expect(exits.map(\.price) == [95])
    #expect(exits.map(\.time.milliseconds) == [60_000])
}

/// A bracket whose entry is cancelled before it fills leaves nothing behind; legs are
/// reduce-only, so a position the strategy closed itself cancels them when they trigger.
@Test func bracketLegsFollowTheirEntry() {
    let series = bars("X", [(100, 100, 100, 100), (100, 100, 100, 100), (100, 100, 100, 100), (100, 100, 90, 95), (95, 95, 95, 95)])
    let cancelled = run([series], BacktestConfig(capital: 10_000), [0: { c in
        let b = c.bracket(0, side: .buy, size: .quantity(10), entry: .limit(price: 80), stopLoss: 70, takeProfit: 120)
        c.cancel(orderID: b.entry)
    }])
    #expect(cancelled.fills.isEmpty && cancelled.ordersCancelled == 3)
    let closed = run([series], BacktestConfig(capital: 10_000), [
        0: { $0.bracket(0, side: .buy, size: .quantity(10), stopLoss: 92, takeProfit: 120) },
        1: { $0.close(0) },
    ])
    #expect(closed.fills.map(\.side) == [.buy, .sell])
    #expect(closed.fills.map(\.price) == [100, 100])
    #expect(closed.ordersCancelled == 2)  // the stop met a flat position; its take-profit went with it
}

/// A bracket entry the risk manager refuses leaves no legs behind.
@Test func refusedBracketEntryTakesItsLegs() {
    let r = run([flatBars("X", 4)], BacktestConfig(capital: 10_000, risk: RiskLimits(minNotional: 5_000)), [
        0: { $0.bracket(0, side: .buy, size: .quantity(10), stopLoss: 95, takeProfit: 105) },
    ])
    #expect(r.fills.isEmpty && r.rejections.map(\.rule.rawValue) == ["min_notional"])
    #expect(r.ordersCancelled == 2)
}
