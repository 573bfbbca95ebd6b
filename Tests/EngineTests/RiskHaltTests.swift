import Engine
import Model
import Testing

private let hour: Int64 = 3_600_000
private let minute: Int64 = 60_000

/// Daily loss limit 5% across a day boundary, in UTC and in a UTC−5 zone. All in at 100 on
/// day 0; the 22:00 close of 94 makes today's loss 600 of 10,000 (6%): the limit trips.
/// The 23:00 exit still fills; the entry filling at 23:30 is refused. In UTC the day ends
/// at 00:00 and the entry filling then passes; at UTC−5 it ends at 05:00, so the 00:00
/// entry is refused too and the 05:00 one passes.
@Test(arguments: [
    (TradingCalendar.utc, [1, 3, 5, 6], [4], 24 * hour),
    (TradingCalendar(name: "UTC-5", offsets: [.init(from: .min, offset: -5 * hour)]), [1, 3, 6], [4, 5], 29 * hour),
])
func dailyLossLimitAcrossADayBoundary(_ calendar: TradingCalendar, _ filledBars: [Int], _ refusedBars: [Int], _ resetAt: Int64) {
    let times: [Int64] = [20 * hour, 21 * hour, 22 * hour, 23 * hour, 23 * hour + 30 * minute, 24 * hour, 29 * hour, 30 * hour]
    let prices: [(Double, Double, Double, Double)] = [(100, 100, 100, 100), (100, 100, 100, 100), (100, 100, 94, 94)]
        + Array(repeating: (94, 94, 94, 94), count: 5)
    let series = timedBars("X", zip(times, prices).map { ($0, $1.0, $1.1, $1.2, $1.3) })
    let config = BacktestConfig(capital: 10_000, risk: RiskLimits(dailyLossLimit: 0.05), calendar: calendar)
    let r = run([series], config, [
        0: { _ = $0.buy(0, quantity: 100) }, 2: { _ = $0.sell(0, quantity: 50) },
        3: { _ = $0.buy(0, quantity: 10) }, 4: { _ = $0.buy(0, quantity: 10) }, 5: { _ = $0.buy(0, quantity: 10) },
    ])
    #expect(r.fills.map(\.time.milliseconds) == filledBars.map { times[$0] })
    #expect(r.rejections.map(\.time.milliseconds) == refusedBars.map { times[$0] })
    #expect(Set(r.rejections.map(\.rule.rawValue)) == ["daily_loss_limit"])
    #expect(r.rejections[0].detail == "loss today 600 is 6% of the day's starting equity 10000, limit 5%; entries refused until the next trading day")
    #expect(r.riskEvents.map(\.action) == [.tripped, .reset])
    #expect(r.riskEvents.map(\.time.milliseconds) == [22 * hour, resetAt])
    #expect(r.riskEvents[1].detail == "a new trading day (\(calendar.name)) began with equity 9400")
}

/// Below the limit nothing trips: a 4% loss with a 5% limit lets the entry through.
@Test func dailyLossLimitDoesNotTripBelowIt() {
    let series = bars("X", [(100, 100, 100, 100), (100, 100, 100, 100), (100, 100, 96, 96), (96, 96, 96, 96), (96, 96, 96, 96)])
    let r = run([series], BacktestConfig(capital: 10_000, risk: RiskLimits(dailyLossLimit: 0.05)), [
        0: { _ = $0.buy(0, quantity: 50) }, 2: { _ = $0.buy(0, quantity: 10) },
    ])
    #expect(r.fills.count == 2 && r.rejections.isEmpty && r.riskEvents.isEmpty)
}

/// Max drawdown 10%: equity peaks at 11,000 (100 units at 110), the 98 close is 10.91% below:
/// the stop trips. With `flatten` the position is sold at the next open; without, it stays.
/// Either way the later entry is refused.
@Test(arguments: [true, false])
func maxDrawdownStop(_ flatten: Bool) {
    let series = bars("X", [(100, 100, 100, 100), (100, 110, 100, 110), (110, 110, 98, 98), (98, 98, 98, 98), (98, 98, 98, 98), (98, 98, 98, 98)])
    let config = BacktestConfig(capital: 10_000, risk: RiskLimits(maxDrawdown: .init(limit: 0.1, flatten: flatten)))
    let r = run([series], config, [0: { _ = $0.buy(0, quantity: 100) }, 3: { _ = $0.buy(0, quantity: 1) }])
    #expect(r.fills.map(\.side) == (flatten ? [.buy, .sell] : [.buy]))
    #expect(r.fills.last?.time.milliseconds == (flatten ? 3 * minute : minute))
    #expect(r.rejections.map(\.rule.rawValue) == ["max_drawdown"])
    #expect(r.rejections[0].time.milliseconds == 4 * minute)
    #expect(r.riskEvents.map(\.action) == (flatten ? [.tripped, .flattened] : [.tripped]))
    #expect(r.riskEvents[0].detail == "drawdown 10.91% from peak 11000 reached the limit 10%" + (flatten ? "; flattening every position" : "; no new positions"))
}

/// A price-move breaker (5%, halt 2 minutes): the 00:02 close jumps 6%; the entry filling at
/// 00:03 is refused, the halt ends at 00:04 and the entry filling then passes.
@Test func priceMoveCircuitBreakerHaltsForADuration() {
    let series = bars("X", [(100, 100, 100, 100), (100, 100, 100, 100), (100, 106, 100, 106), (106, 106, 106, 106), (106, 106, 106, 106), (106, 106, 106, 106)])
    let breaker = CircuitBreaker(trigger: .priceMove(0.05), halt: .milliseconds(2 * minute))
    let r = run([series], BacktestConfig(capital: 10_000, risk: RiskLimits(circuitBreakers: [breaker])), [
        2: { _ = $0.buy(0, quantity: 1) }, 3: { _ = $0.buy(0, quantity: 1) },
    ])
    #expect(r.fills.map(\.time.milliseconds) == [4 * minute])
    #expect(r.rejections.map(\.detail) == ["circuit breaker 1 (price_move) halted entries until 1970-01-01T00:04:00Z"])
    #expect(r.riskEvents.map(\.action) == [.tripped, .resumed])
    #expect(r.riskEvents[0].detail == "price_move: X closed 6% from its previous close (threshold 5%); entries halted until 1970-01-01T00:04:00Z")
    #expect(r.riskEvents[1].time.milliseconds == 4 * minute)
}

/// A rejections breaker (2 refusals within 10 minutes, halt for the rest of the run): two
/// orders below the minimum notional trip it; a valid entry later is refused by the
/// breaker, and an exit still passes.
@Test func rejectionsCircuitBreakerHaltsForTheRestOfTheRun() {
    let breaker = CircuitBreaker(trigger: .rejections(count: 2, withinMilliseconds: 10 * minute), halt: .restOfRun)
    let r = run([flatBars("X", 8)], BacktestConfig(capital: 10_000, risk: RiskLimits(minNotional: 500, circuitBreakers: [breaker])), [
        0: { _ = $0.buy(0, quantity: 10) }, 1: { _ = $0.buy(0, quantity: 1) }, 2: { _ = $0.buy(0, quantity: 1) },
        4: { _ = $0.buy(0, quantity: 10) }, 5: { _ = $0.sell(0, quantity: 10) },
    ])
    #expect(r.rejections.map(\.rule.rawValue) == ["min_notional", "min_notional", "circuit_breaker"])
    #expect(r.fills.map(\.side) == [.buy, .sell])
    #expect(r.riskEvents.map(\.detail) == ["rejections: 2 risk refusals within 10 minutes (limit 2); entries halted for the rest of the run"])
}

/// Just short of each limit nothing trips: a 10.91% drawdown under an 11% stop, a 6% move
/// under a 7% breaker, one refusal under a breaker counting two.
@Test func haltsStayQuietBelowTheirLimits() {
    let drawdown = bars("X", [(100, 100, 100, 100), (100, 110, 100, 110), (110, 110, 98, 98), (98, 98, 98, 98), (98, 98, 98, 98)])
    let quiet = run([drawdown], BacktestConfig(capital: 10_000, risk: RiskLimits(maxDrawdown: .init(limit: 0.11, flatten: true))), [
        0: { _ = $0.buy(0, quantity: 100) }, 3: { _ = $0.sell(0, quantity: 1) },
    ])
    #expect(quiet.riskEvents.isEmpty && quiet.rejections.isEmpty && quiet.fills.count == 2)
    let jump = bars("X", [(100, 100, 100, 100), (100, 106, 100, 106), (106, 106, 106, 106), (106, 106, 106, 106)])
    let breaker = CircuitBreaker(trigger: .priceMove(0.07), halt: .restOfRun)
    let calm = run([jump], BacktestConfig(capital: 10_000, risk: RiskLimits(circuitBreakers: [breaker])), [1: { _ = $0.buy(0, quantity: 1) }])
    #expect(calm.riskEvents.isEmpty && calm.fills.count == 1)
    let counting = CircuitBreaker(trigger: .rejections(count: 2, withinMilliseconds: 600_000), halt: .restOfRun)
    let one = run([flatBars("X", 5)], BacktestConfig(capital: 10_000, risk: RiskLimits(minNotional: 500, circuitBreakers: [counting])), [
        0: { _ = $0.buy(0, quantity: 1) }, 1: { _ = $0.buy(0, quantity: 10) },
    ])
    #expect(one.rejections.map(\.rule.rawValue) == ["min_notional"] && one.riskEvents.isEmpty && one.fills.count == 1)
}
