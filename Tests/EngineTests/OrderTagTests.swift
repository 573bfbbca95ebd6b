import Engine
import Model
import Testing

/// A trade carries the tag of the order that opened it: a tagged entry closed by an
/// untagged exit is the entry's; a flip closes the old trade under its tag and opens the
/// rest under the flipping order's.
@Test func tradesCarryTheirEntrysTag() {
    let data = bars("X", [(100, 100, 100, 100), (100, 100, 100, 100), (110, 110, 110, 110), (105, 105, 105, 105), (105, 105, 105, 105)])
    let r = run([data], BacktestConfig(capital: 10_000, risk: RiskLimits(maxLeverage: 2)), [
        0: { $0.buy(0, quantity: 10, tag: "breakout") },
        1: { $0.sell(0, quantity: 20, tag: "fade") },   // closes 10 long, opens 10 short
        2: { $0.buy(0, quantity: 10) },                  // covers, untagged
        3: { $0.buy(0, quantity: 1) },                   // untagged entry, open at the end
    ])
    #expect(r.trades.map(\.tag) == ["breakout", "fade"])
    #expect(r.trades.map(\.direction) == [.long, .short])
    #expect(r.trades.map(\.pnl) == [100, 50])  // 10 × (110 − 100); 10 × (110 − 105)
}

/// Tags are one line of at most 100 characters: they are CSV fields and table labels.
@Test func tagsAreOneShortLine() {
    let data = flatBars("X", 4)
    let r = run([data], BacktestConfig(capital: 10_000), [
        0: { $0.buy(0, quantity: 1, tag: "two\nlines\tand a tab") },
        1: { $0.sell(0, quantity: 1) },
    ])
    #expect(r.trades.map(\.tag) == ["two lines and a tab"])
    let closed = run([data], BacktestConfig(capital: 10_000), [
        0: { $0.buy(0, quantity: 1, tag: String(repeating: "é", count: 150)) }, 1: { $0.sell(0, quantity: 1) },
    ])
    #expect(closed.trades.first?.tag == String(repeating: "é", count: 100))
}
