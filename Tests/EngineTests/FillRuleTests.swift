import Engine
import Model
import Testing

/// A market order decided on bar 0 fills at bar 1's open by default.
@Test func marketFillsAtNextOpen() {
    let data = bars("X", [(10, 11, 9, 10.5), (12, 13, 11, 12.5)])
    let r = run([data], BacktestConfig(capital: 1000), [0: { $0.buy(0, quantity: 1) }])
    #expect(r.fills.map(\.price) == [12])
    #expect(r.fills[0].time == Timestamp(milliseconds: 60_000))
}

/// With `fill: close` it fills at the close of the bar the strategy saw.
@Test func marketFillsAtCloseInCloseMode() {
    let data = bars("X", [(10, 11, 9, 10.5), (12, 13, 11, 12.5)])
    let r = run([data], BacktestConfig(capital: 1000, fillTiming: .close), [0: { $0.buy(0, quantity: 1) }])
    #expect(r.fills.map(\.price) == [10.5])
    #expect(r.fills[0].time == Timestamp(milliseconds: 0))
}

/// A stop sell gapped through fills at the open, not at the stop.
@Test func stopGapFillsAtOpen() {
    let data = bars("X", [(100, 100, 100, 100), (100, 101, 99, 100), (90, 92, 88, 91)])
    let r = run([data], BacktestConfig(capital: 1000), [
        0: { $0.buy(0, quantity: 1); $0.sell(0, quantity: 1, kind: .stop(price: 95)) },
    ])
    #expect(r.fills.map(\.price) == [100, 90])
}

/// A stop sell inside the bar's range fills at the stop.
@Test func stopInsideBarFillsAtStop() {
    let data = bars("X", [(100, 100, 100, 100), (100, 101, 99, 100), (97, 98, 94, 96)])
    let r = run([data], BacktestConfig(capital: 1000), [
        0: { $0.buy(0, quantity: 1); $0.sell(0, quantity: 1, kind: .stop(price: 95)) },
    ])
    #expect(r.fills.map(\.price) == [100, 95])
}

/// A limit buy triggers when the low reaches it, at the limit; a gap below fills at the open.
@Test func limitTriggersIntrabar() {
    let touch = bars("X", [(100, 100, 100, 100), (100, 101, 98.5, 100)])
    #expect(run([touch], BacktestConfig(capital: 1000), [0: { $0.buy(0, quantity: 1, kind: .limit(price: 99)) }]).fills.map(\.price) == [99])
    let gap = bars("X", [(100, 100, 100, 100), (97, 98, 96, 97)])
    #expect(run([gap], BacktestConfig(capital: 1000), [0: { $0.buy(0, quantity: 1, kind: .limit(price: 99)) }]).fills.map(\.price) == [97])
    let miss = bars("X", [(100, 100, 100, 100), (100, 101, 99.5, 100)])
    #expect(run([miss], BacktestConfig(capital: 1000), [0: { $0.buy(0, quantity: 1, kind: .limit(price: 99)) }]).fills.isEmpty)
}

/// A cancelled order never fills.
@Test func cancelledOrderDoesNotFill() {
    let data = bars("X", [(100, 100, 100, 100), (100, 101, 98, 100), (100, 101, 90, 100)])
    let r = run([data], BacktestConfig(capital: 1000), [
        0: { let id = $0.buy(0, quantity: 1, kind: .limit(price: 95)); $0.cancel(orderID: id) },
    ])
    #expect(r.fills.isEmpty)
}

/// Symbols without a bar at a timestamp are not delivered; missing bars are not invented.
@Test func multiSymbolTimelineDeliversOnlyExistingBars() {
    struct Counter: Strategy {
        static let name = "counter"
        var seen: [[Int64]] = [[], []]
        init(parameters: Parameters) throws {}
        init() {}
        mutating func onBar(_ bar: Bar, symbol: Int, context: StrategyContext) { seen[symbol].append(bar.time.milliseconds) }
    }
    let a = BarSeries(symbol: "A", bars: [0, 60_000, 120_000].map { Bar(time: Timestamp(milliseconds: $0), open: 1, high: 1, low: 1, close: 1, volume: 0) })
    let b = BarSeries(symbol: "B", bars: [60_000, 180_000].map { Bar(time: Timestamp(milliseconds: $0), open: 1, high: 1, low: 1, close: 1, volume: 0) })
    var c = Counter()
    let r = Backtest(series: [a, b], config: BacktestConfig()).run(&c)
    #expect(r.times == [0, 60_000, 120_000, 180_000])
    #expect(c.seen[0] == [0, 60_000, 120_000])
    #expect(c.seen[1] == [60_000, 180_000])
}
