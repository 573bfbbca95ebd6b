import Foundation
import Model
import Testing
@testable import Analysis

private let day: Int64 = 86_400_000
/// Monday 2024-01-01, 00:00 UTC.
private let monday = Timestamp.daysFromCivil(year: 2024, month: 1, day: 1) * day

/// Four weekdays of equity 100, 110, 99, 108.9: returns +10 %, −10 %, +10 %, no weekend,
/// so 252 trading days. Geometric mean g = 1.089^(1/3) − 1, so the annual return is
/// 1.089^(252/3) − 1 = 1.089^84 − 1; the sample variance of the returns is
/// ((0.2/3)² · 2 + (0.4/3)²) / 2 = 1/75; the downside deviation √(0.01/3) · √252 = √0.84;
/// the drawdown 1 − 99/110 = 10 %; CAGR over 3 days is 1.089^(365.25/3) − 1.
@Test func backtestingPyMetricsByHand() {
    let times = (0..<4).map { monday + Int64($0) * day }
    let m = BacktestingPyMetrics(equity: [100, 110, 99, 108.9], times: times, riskFreeRate: 0)
    let annual = pow(1.089, 84.0) - 1
    func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) <= 1e-9 * abs(b) } ?? false }
    #expect(m.tradingDays == 252)
    #expect(m.resampling == "day")
    #expect(close(m.annualReturn, annual))
    let g2 = pow(1.089, 2.0 / 3)
    let volatility = (pow(1.0 / 75 + g2, 252) - pow(1.089, 168.0)).squareRoot()
    #expect(close(m.volatility, volatility))
    #expect(close(m.sharpe, annual / volatility))
    #expect(close(m.sortino, annual / 0.84.squareRoot()))
    #expect(close(m.calmar, annual / 0.1))
    #expect(abs(m.maxDrawdown - 0.1) < 1e-15)
    #expect(close(m.cagr, pow(1.089, 365.25 / 3) - 1))
}

/// Hourly bars from Friday to Monday: the days resample to each day's last value, and with
/// a weekend in the bars (more than 0.6 · 2/7 of them) the year has 365 trading days. The
/// last hour of each day is the value kept: 2 on Friday, 4 on Saturday, 6 on Sunday, 8 on
/// Monday, so the returns are 100 %, 50 % and 1/3.
@Test func backtestingPyResamplesIntradayBarsToDays() {
    let friday = monday - 3 * day
    let hour: Int64 = 3_600_000
    var times: [Int64] = []
    for d in Int64(0)..<4 {
        let midnight: Int64 = friday + d * day
        times += [midnight + 10 * hour, midnight + 20 * hour]
    }
    let equity: [Double] = [1, 2, 3, 4, 5, 6, 7, 8]
    let m = BacktestingPyMetrics(equity: equity, times: times, riskFreeRate: 0)
    #expect(m.tradingDays == 365)
    // g = (2 · 1.5 · 4/3)^(1/3) − 1 = 4^(1/3) − 1, so the annual return is 4^(365/3) − 1.
    #expect(abs(m.annualReturn! / (pow(4, 365.0 / 3) - 1) - 1) < 1e-9)
}

/// Weekly bars (a median spacing of 7 days) resample to weeks ending Sunday, 52 a year;
/// monthly ones (31 days) to months, 12 a year.
@Test func backtestingPyWeeklyAndMonthlySpacing() {
    let weeks = (0..<10).map { monday + Int64($0) * 7 * day }
    let weekly = BacktestingPyMetrics(equity: (0..<10).map { 100 + Double($0) }, times: weeks, riskFreeRate: 0)
    #expect(weekly.tradingDays == 52 && weekly.resampling == "week (ending Sunday)")
    #expect(BacktestingPyMetrics.medianSpacingDays((0..<5).map { Int64($0) * 31 * day }) == 31)
    #expect(BacktestingPyMetrics.weekendShare([monday, monday + 5 * day, monday + 6 * day, monday + 7 * day]) == 0.5)
}
