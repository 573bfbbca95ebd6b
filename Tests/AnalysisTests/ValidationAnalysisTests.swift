import Analysis
@testable import Engine
import Model
import Testing

private let day: Int64 = 86_400_000

private func at(_ text: String) -> Int64 { Timestamp.parse(text)!.milliseconds }

/// Months of a hand-built benchmark: January +10% (100 → 110), February −10% (→ 99), March
/// +1.01% (→ 100), April −4.5% (→ 95.5). Bear (below −5%): February; range (within ±2%):
/// March.
@Test func monthClassification() {
    let closes: [Double] = [105, 110, 104, 99, 99.5, 100, 97, 95.5]
    let times = ["2023-01-02", "2023-01-20", "2023-02-01", "2023-02-27", "2023-03-01", "2023-03-31", "2023-04-03", "2023-04-28"].map(at)
    let opens = [100.0] + closes.dropLast()
    let months = MonthlyReturns.months(times: times, opens: opens, closes: closes)
    #expect(months.map(\.label) == ["2023-01", "2023-02", "2023-03", "2023-04"])
    #expect(months.map(\.bars) == [0..<2, 2..<4, 4..<6, 6..<8])
    let expected = [0.1, 99.0 / 110 - 1, 100.0 / 99 - 1, 95.5 / 100 - 1]
    #expect(zip(months.map(\.ret), expected).allSatisfy { abs($0 - $1) < 1e-12 })
    #expect(MonthlyReturns.bear(months, below: -0.05).map(\.label) == ["2023-02"])
    #expect(MonthlyReturns.range(months, within: 0.02).map(\.label) == ["2023-03"])
}

/// Flash-crash dates: one per quarter, each inside its quarter, the same for the same seed
/// and different for another.
@Test func flashCrashDatesBySeed() {
    let times = (0..<365).map { at("2023-01-01") + Int64($0) * day }
    let a = FlashCrashSchedule.dates(times: times, seed: 7)
    #expect(a.count == 4)
    let starts = ["2023-01-01", "2023-04-01", "2023-07-01", "2023-10-01", "2024-01-01"].map(at)
    for (i, t) in a.enumerated() { #expect(t >= starts[i] && t < starts[i + 1], "date \(i + 1) outside its quarter") }
    #expect(FlashCrashSchedule.dates(times: times, seed: 7) == a)
    #expect(FlashCrashSchedule.dates(times: times, seed: 8) != a)
}

/// A result restricted to timestamps 1 and 2: their equity, the equity before them as the
/// starting capital, only the fills inside them.
@Test func restrictedResult() {
    let fill = { (t: Int64) in Fill(id: 1, orderID: 1, symbol: 0, time: Timestamp(milliseconds: t), side: .buy, quantity: 1, price: 1, commission: 0, slippage: 0) }
    let full = BacktestResult(symbols: ["X"], times: [0, 1, 2, 3], equity: [100, 101, 102, 103], cash: [100, 100, 100, 100],
                              fills: [fill(0), fill(2)], trades: [], rejections: [], riskEvents: [], ordersSubmitted: 2, ordersCancelled: 0,
                              ordersExpired: 0, replacesFailed: 0, ordersOutsideWindows: 0, exposedAtClose: [false, true, true, false],
                              exposedBars: 2, barsProcessed: 4, openPositionsAtEnd: 0, initialCapital: 100)
    let part = full.restricted(to: [1..<3], barsProcessed: 2)
    #expect(part.times == [1, 2] && part.equity == [101, 102] && part.initialCapital == 100)
    #expect(part.fills.map(\.time.milliseconds) == [2])
    #expect(part.exposedBars == 2 && part.barsProcessed == 2)
}
