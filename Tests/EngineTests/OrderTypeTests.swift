import Engine
import Foundation
import Model
import Testing

private let minute: Int64 = 60_000

/// A buy stop-limit (stop 105, limit 106) fills at the stop when the bar trades through it
/// inside the limit; when the bar gaps past the limit it rests as a limit order and fills
/// on a later bar at min(open, limit).
@Test func stopLimitFillsOrRestsAsLimit() {
    let inside = bars("X", [(100, 100, 100, 100), (100, 107, 99, 104)])
    let r1 = run([inside], BacktestConfig(capital: 1000), [0: { $0.buy(0, quantity: 1, kind: .stopLimit(stop: 105, limit: 106)) }])
    #expect(r1.fills.map(\.price) == [105])
    let gap = bars("X", [(100, 100, 100, 100), (108, 109, 107, 108), (107, 107, 105, 106)])
    let r2 = run([gap], BacktestConfig(capital: 1000), [0: { $0.buy(0, quantity: 1, kind: .stopLimit(stop: 105, limit: 106)) }])
    #expect(r2.fills.map(\.time.milliseconds) == [2 * minute])
    #expect(r2.fills.map(\.price) == [106])
}

/// A day order that has not filled by the end of its trading day is cancelled: with UTC
/// days at midnight UTC, with New York days (UTC−5 in winter) at 05:00 UTC.
@Test(arguments: [(TradingCalendar.utc, [Int64]()), (TradingCalendar(name: "UTC-5", offsets: [.init(from: .min, offset: -5 * 3_600_000)]), [Int64(26 * 3_600_000)])])
func dayOrdersExpireAtTheEndOfTheTradingDay(_ calendar: TradingCalendar, _ fillTimes: [Int64]) {
    let hour: Int64 = 3_600_000
    // Submitted at 20:00 UTC on day 0; the limit (95) is first reached at 02:00 UTC on day 1.
    let series = timedBars("X", [(20 * hour, 100, 100, 100, 100), (22 * hour, 100, 100, 100, 100), (26 * hour, 96, 96, 94, 95)])
    let r = run([series], BacktestConfig(capital: 1000, calendar: calendar), [0: { $0.buy(0, quantity: 1, kind: .limit(price: 95), timeInForce: .day) }])
    #expect(r.fills.map(\.time.milliseconds) == fillTimes)
    #expect(r.ordersExpired == (fillTimes.isEmpty ? 1 : 0))
}

/// Cancel/replace: a resting limit at 90 is moved to 99 and fills there; a replace that
/// arrives after its order filled does nothing and is counted.
@Test func cancelReplace() {
    let series = bars("X", [(100, 100, 100, 100), (100, 100, 98, 99), (99, 100, 98, 99), (99, 99, 97, 98)])
    let moved = run([series], BacktestConfig(capital: 1000), [
        0: { $0.buy(0, quantity: 1, kind: .limit(price: 90)) },
        1: { $0.replace(orderID: 1, kind: .limit(price: 99)) },
    ])
    #expect(moved.fills.map(\.price) == [99])
    #expect(moved.fills.map(\.orderID) == [2])
    #expect(moved.fills.map(\.time.milliseconds) == [2 * minute])
    #expect(moved.ordersCancelled == 1 && moved.replacesFailed == 0)
    let late = run([series], BacktestConfig(capital: 1000), [
        0: { $0.buy(0, quantity: 1, kind: .limit(price: 99)) },
        1: { $0.replace(orderID: 1, kind: .limit(price: 90)) },
    ])
    #expect(late.fills.map(\.orderID) == [1])
    #expect(late.replacesFailed == 1)
}

/// Latency: with 90 s, an order submitted at 00:00 reaches the venue at 00:01:30 and fills
/// at the 00:02 bar's open, not at 00:01. A cancel travels as slowly: an order submitted with
/// its cancel one bar later still fills if it arrives first.
@Test func fixedLatencyDelaysTheFill() {
    let series = bars("X", [(100, 100, 100, 100), (101, 101, 101, 101), (102, 102, 102, 102), (103, 103, 103, 103)])
    let config = BacktestConfig(capital: 1000, execution: ExecutionRules(latency: Latency(.fixed(milliseconds: 90_000))))
    let r = run([series], config, [0: { $0.buy(0, quantity: 1) }])
    #expect(r.fills.map(\.price) == [102])
    #expect(run([series], BacktestConfig(capital: 1000), [0: { $0.buy(0, quantity: 1) }]).fills.map(\.price) == [101])
}

/// Same seed, same delays and fills; another seed, other fills. Every fill is on the first
/// bar at or after its order's arrival (submission + the drawn delay, recomputed here from
/// the same seeded generator).
@Test func randomLatencyIsDeterministicBySeed() {
    let series = flatBars("X", 400, step: 1_000)
    let script = Dictionary(uniqueKeysWithValues: stride(from: 0, to: 300, by: 10).map { bar in
        (bar, { (c: StrategyContext) in _ = c.buy(0, quantity: 0.01) })
    })
    func fills(_ seed: UInt64) -> [Int64] {
        let latency = Latency(.lognormal(meanMilliseconds: 3_000, sdMilliseconds: 2_000), seed: seed)
        return run([series], BacktestConfig(capital: 1000, execution: ExecutionRules(latency: latency)), script).fills.map(\.time.milliseconds)
    }
    let a = fills(7), b = fills(7), c = fills(8)
    #expect(a == b)
    #expect(a != c)
    var random = SeededRandom(seed: 7)
    let sigma2 = log(1 + (2_000.0 * 2_000) / (3_000 * 3_000))
    let expected = stride(from: 0, to: 300, by: 10).map { bar -> Int64 in
        let delay = Int64(exp(log(3_000) - sigma2 / 2 + sigma2.squareRoot() * random.normal()).rounded())
        let arrival = Int64(bar) * 1_000 + delay
        return max((arrival + 999) / 1_000, Int64(bar) + 1) * 1_000
    }
    #expect(a == expected)
}

/// Bar-range slippage: 10% of a (98, 104) bar's range moves a market buy at 100 to 100.6.
@Test func rangeSlippage() {
    let series = bars("X", [(100, 100, 100, 100), (100, 104, 98, 101)])
    let config = BacktestConfig(capital: 1000, slippage: SlippageModel(rangeFraction: 0.1))
    let fill = run([series], config, [0: { $0.buy(0, quantity: 1) }]).fills[0]
    #expect(abs(fill.price - 100.6) < 1e-12)
    #expect(abs(fill.slippage - 0.6) < 1e-12)
}

/// Volume cap 10% of 50 = 5 per bar: a buy of 12 fills 5, 5, 2 when the rest is kept, and
/// only 5 when it is cancelled; each cut is a `max_volume_share` row.
@Test(arguments: [(VolumeRemainder.keep, [5.0, 5, 2]), (.cancel, [5.0])])
func volumeParticipationCap(_ remainder: VolumeRemainder, _ expected: [Double]) {
    let config = BacktestConfig(capital: 10_000, execution: ExecutionRules(maxVolumeShare: 0.1, volumeRemainder: remainder))
    let r = run([flatBars("X", 5, volume: 50)], config, [0: { $0.buy(0, quantity: 12) }])
    #expect(r.fills.map(\.quantity) == expected)
    #expect(r.rejections.map(\.rule.rawValue) == Array(repeating: "max_volume_share", count: remainder == .keep ? 2 : 1))
    #expect(r.rejections[0].detail == "10% of the bar's volume 50 is 5" + (remainder == .keep ? "; the rest stays open" : "; the rest is cancelled"))
}

/// A forced exit at 00:02 closes the long at that bar's open with slippage × 5 (10 bps →
/// 50 bps: 100 → 99.5), cancels the symbol's resting stop, and is on record.
@Test func forcedExitClosesWithMultipliedSlippage() {
    let config = BacktestConfig(capital: 10_000, slippage: SlippageModel(basisPoints: 10),
                                execution: ExecutionRules(forcedExits: [ForcedExit(time: Timestamp(milliseconds: 2 * minute), slippageMultiplier: 5)]))
    let r = run([flatBars("X", 5)], config, [0: { $0.buy(0, quantity: 10); $0.sell(0, quantity: 10, kind: .stop(price: 50)) }])
    #expect(r.fills.map(\.side) == [.buy, .sell])
    #expect(abs(r.fills[1].price - 99.5) < 1e-12)
    #expect(r.fills[1].time.milliseconds == 2 * minute)
    #expect(r.ordersCancelled == 1)
    #expect(r.riskEvents.map(\.action) == [.forcedExit])
    #expect(r.riskEvents[0].detail == "closing 10 at market, slippage x5")
}

/// ATR slippage, half of ATR(2): ATR is 4 after two bars of true range 4, so a buy at the
/// 101 open pays 103; before the ATR is ready the fill bar's range (4) stands in: 100 → 102.
@Test func atrSlippage() {
    let series = bars("X", [(100, 102, 98, 100), (100, 103, 99, 101), (101, 101, 101, 101)])
    let config = BacktestConfig(capital: 10_000, slippage: SlippageModel(atrFraction: 0.5, atrPeriod: 2))
    #expect(run([series], config, [1: { $0.buy(0, quantity: 1) }]).fills.map(\.price) == [103])
    #expect(run([series], config, [0: { $0.buy(0, quantity: 1) }]).fills.map(\.price) == [102])
}

/// Trading windows: the strategy sees every bar but may trade only inside [00:02, 00:04);
/// an order at 00:00 is dropped, one at 00:02 fills at 00:03, and the position is closed at
/// the 00:04 open because the window closes its positions at its end.
@Test func tradingWindowsDropOrdersOutsideAndCloseAtTheEnd() {
    let series = bars("X", (0..<6).map { i in let p = 100 + Double(i); return (p, p, p, p) })
    let window = TradingWindow(start: 2 * minute, end: 4 * minute, closeAtEnd: true)
    let r = run([series], BacktestConfig(capital: 10_000, tradingWindows: [window]), [
        0: { $0.buy(0, quantity: 1) }, 2: { $0.buy(0, quantity: 1) },
    ])
    #expect(r.fills.map(\.time.milliseconds) == [3 * minute, 4 * minute])
    #expect(r.fills.map(\.price) == [103, 104])
    #expect(r.ordersOutsideWindows == 1)
    #expect(r.riskEvents.map(\.rule.rawValue) == ["window_end"])
    #expect(r.exposedAtClose == [false, false, false, true, false, false])
}
