import Analysis
@testable import Engine
import Model
import Testing

private func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) <= 1e-12 * max(1, abs(b)) } ?? false }

/// Submits the orders a script gives for each bar index, tags included.
private struct Script: Strategy {
    static let name = "script"
    var steps: [Int: (StrategyContext) -> Void] = [:]
    var bar = 0
    init(parameters: Parameters) throws {}
    init(_ steps: [Int: (StrategyContext) -> Void]) { self.steps = steps }
    mutating func onBar(_ bar: Bar, symbol: Int, context: StrategyContext) {}
    mutating func onBarsClosed(context: StrategyContext) {
        steps[bar]?(context)
        bar += 1
    }
}

private let day: Int64 = 86_400_000
private let firstDay = Timestamp(year: 2023, month: 12, day: 28).milliseconds

/// Flat daily bars (open = high = low = close) from 2023-12-28, so a fill at the next open
/// is at the next bar's price.
private func daily(_ symbol: String, _ prices: [Double]) -> BarSeries {
    BarSeries(symbol: symbol, bars: prices.enumerated().map { i, p in
        Bar(time: Timestamp(milliseconds: firstDay + Int64(i) * day), open: p, high: p, low: p, close: p, volume: 1)
    })
}

/// Two symbols, two tags, eight days across the 2023/2024 boundary, no costs:
///
///     bar  date        A   B   orders (filled at the next bar)   equity at close
///     0    2023-12-28  10  20  buy 10 A, tag x                    1000
///     1    2023-12-29  10  20  sell 10 A (untagged)               1000  (holds A)
///     2    2023-12-30  12  20  buy 10 A, tag y                    1020
///     3    2023-12-31  12  20  sell 10 A                          1020  (holds A)
///     4    2024-01-01   9  20  buy 4 B, tag x                     990
///     5    2024-01-02  11  20                                     990   (holds B)
///     6    2024-01-03  11  30  sell 4 B                           1030  (holds B)
///     7    2024-01-04  11  15                                     970
///
/// Trades: A +20 (x, exits December), A −30 (y, exits January), B −20 (x, exits January).
/// Drawdowns: 1020 (last at peak 12-31) → 990 on 01-01, recovered at 1030 on 01-03 (3 days);
/// 1030 → 970 on 01-04, not recovered (1 day to the last bar).
private func fixture() -> (BacktestResult, [BarSeries]) {
    let series = [daily("A", [10, 10, 12, 12, 9, 11, 11, 11]), daily("B", [20, 20, 20, 20, 20, 20, 30, 15])]
    var script = Script([
        0: { _ = $0.buy(0, quantity: 10, tag: "x") },
        1: { _ = $0.sell(0, quantity: 10) },
        2: { _ = $0.buy(0, quantity: 10, tag: "y") },
        3: { _ = $0.sell(0, quantity: 10) },
        4: { _ = $0.buy(1, quantity: 4, tag: "x") },
        6: { _ = $0.sell(1, quantity: 4) },
    ])
    return (Backtest(series: series, config: BacktestConfig(capital: 1000)).run(&script), series)
}

@Test func fixtureRunsAsWorkedOut() {
    let (r, _) = fixture()
    #expect(r.equity == [1000, 1000, 1020, 1020, 990, 990, 1030, 970])
    #expect(r.trades.map(\.pnl) == [20, -30, -20])
    #expect(r.trades.map(\.tag) == ["x", "y", "x"])
}

@Test func breakdownsBySymbolAndTagByHand() {
    let (r, series) = fixture()
    let b = Breakdowns.compute(r, series: series, calendar: .utc, periodsPerYear: 365, riskFreeRate: 0)
    let a = b.symbols[0], bs = b.symbols[1]
    #expect(a.symbol == "A" && a.stats.trades == 2 && a.stats.wins == 1 && a.stats.pnl == -10)
    #expect(close(a.returnContribution, -0.01) && close(a.exposure, 2.0 / 8))  // held at the closes of bars 1 and 3
    #expect(bs.symbol == "B" && bs.stats.trades == 1 && bs.stats.wins == 0 && bs.stats.pnl == -20)
    #expect(close(bs.returnContribution, -0.02) && close(bs.exposure, 2.0 / 8) && bs.commission == 0 && bs.rejections == 0)

    #expect(b.tags.map(\.tag) == ["x", "y"])
    let x = b.tags[0].stats, y = b.tags[1].stats
    #expect(x.trades == 2 && x.winRate == 0.5 && x.pnl == 0 && x.expectancy == 0 && x.profitFactor == 1)  // 20 / 20
    #expect(y.trades == 1 && y.winRate == 0 && y.pnl == -30 && y.expectancy == -30 && y.profitFactor == 0)
}

@Test func breakdownsByPeriodByHand() {
    let (r, series) = fixture()
    let p = Breakdowns.compute(r, series: series, calendar: .utc, periodsPerYear: 365, riskFreeRate: 0).periods
    #expect(p.years.map(\.label) == ["2023", "2024"])
    #expect(p.quarters.map(\.label) == ["2023-Q4", "2024-Q1"])
    #expect(p.months.map(\.label) == ["2023-12", "2024-01"])
    for rows in [p.years, p.quarters, p.months] {
        // December: 1000 → 1020, never below a peak; one winning trade exits in it.
        #expect(close(rows[0].ret, 0.02) && rows[0].maxDrawdown == 0 && rows[0].stats.trades == 1 && rows[0].stats.winRate == 1)
        // January: 1020 → 970; its worst fall is 1030 → 970; two losing trades exit in it.
        #expect(close(rows[1].ret, 970.0 / 1020 - 1) && close(rows[1].maxDrawdown, 60.0 / 1030))
        #expect(rows[1].stats.trades == 2 && rows[1].stats.winRate == 0)
    }
    #expect(p.weekdays == nil && p.hours == nil)  // daily bars
}

@Test func worstDrawdownsByHand() {
    let (r, series) = fixture()
    let d = Breakdowns.compute(r, series: series, calendar: .utc, periodsPerYear: 365, riskFreeRate: 0).drawdowns
    #expect(d.count == 2)
    // Deepest first: the one still open at the end.
    #expect(d[0].peak == firstDay + 6 * day && d[0].trough == firstDay + 7 * day && d[0].recovery == nil)
    #expect(close(d[0].depth, 60.0 / 1030) && d[0].days == 1)
    #expect(d[1].peak == firstDay + 3 * day && d[1].trough == firstDay + 4 * day && d[1].recovery == firstDay + 6 * day)
    #expect(close(d[1].depth, 30.0 / 1020) && d[1].days == 3)
    #expect(d[0].canonical["recovery"]?.string == "not recovered")
}

@Test func benchmarkIsBuyAndHoldOfTheFirstSymbolByHand() throws {
    let (r, series) = fixture()
    let bench = try #require(Breakdowns.compute(r, series: series, calendar: .utc, periodsPerYear: 365, riskFreeRate: 0).benchmark)
    #expect(bench.symbol == "A")
    #expect(bench.equity == [1000, 1000, 1200, 1200, 900, 1100, 1100, 1100])
    #expect(close(bench.own.totalReturn, 0.1) && close(bench.own.maxDrawdown, 0.25))
    #expect(close(bench.excessReturn, -0.03 - 0.1))
    // Beta and correlation from the per-bar returns, two-pass.
    func returns(_ e: [Double]) -> [Double] { zip([1000] + e.dropLast(), e).map { $1 / $0 - 1 } }
    let ra = returns(r.equity), rb = returns(bench.equity)
    let ma = ra.reduce(0, +) / 8, mb = rb.reduce(0, +) / 8
    let cov = zip(ra, rb).map { ($0 - ma) * ($1 - mb) }.reduce(0, +)
    let va = ra.map { ($0 - ma) * ($0 - ma) }.reduce(0, +), vb = rb.map { ($0 - mb) * ($0 - mb) }.reduce(0, +)
    #expect(abs(bench.beta! - cov / vb) < 1e-12 && abs(bench.correlation! - cov / (va * vb).squareRoot()) < 1e-12)

    let other = try #require(Breakdowns.compute(r, series: series, calendar: .utc, periodsPerYear: 365, riskFreeRate: 0,
                                                options: ReportOptions(benchmark: "B")).benchmark)
    #expect(other.symbol == "B" && other.equity == [1000, 1000, 1000, 1000, 1000, 1000, 1500, 750])
}

/// Returns 1 %, −1 %, 2 %, 0 with a window of 3 at 4 periods a year: both windows have
/// variance 7/30000 (sample), means 1/150 and 1/300.
@Test func rollingSharpeByHand() {
    let s = ChartCurves.rollingSharpe([0.01, -0.01, 0.02, 0], window: 3, periodsPerYear: 4, riskFreeRate: 0)
    let std = (7.0 / 30000).squareRoot()
    #expect(s.count == 4 && s[0].isNaN && s[1].isNaN)  // NaN: no Sharpe yet
    #expect(abs(s[2] - (1.0 / 150) / std * 2) < 1e-12)
    #expect(abs(s[3] - (1.0 / 300) / std * 2) < 1e-12)
    // A flat window has no Sharpe, whatever dust the sliding sums leave.
    #expect(ChartCurves.rollingSharpe([0.1, 0.001, 0.001, 0.001], window: 3, periodsPerYear: 4, riskFreeRate: 0)[3].isNaN)
}

/// Thinning keeps the extremes: a spike in the middle of a long flat curve survives.
@Test func chartCurvesKeepTheExtremes() {
    let n = 10_000
    var equity = [Double](repeating: 100, count: n)
    equity[4_321] = 150
    equity[7_777] = 50
    let times = (0..<n).map { Int64($0) * 60_000 }
    let c = ChartCurves(times: times, equity: equity, initialCapital: 100, benchmark: nil, returns: [Double](repeating: 0, count: n),
                        rollingWindow: 10, periodsPerYear: 525_600, riskFreeRate: 0)
    #expect(c.points.count < 1_000)
    #expect(c.points.map(\.equity).max() == 150 && c.points.map(\.equity).min() == 50)
    #expect(c.points.first?.time == 0 && c.points.last?.time == times.last)
    #expect(c.points.map(\.drawdown).min() == 50.0 / 150 - 1)
}

/// Intraday bars group trades by the weekday and hour of their entry, in the run's time zone.
@Test func weekdaysAndHoursByEntryInTheTimeZone() {
    // 2024-01-01 was a Monday. Two minute bars at 23:00 and 23:01 UTC; in UTC+2 that is Tuesday 01:00.
    let t0 = Timestamp(year: 2024, month: 1, day: 1, hour: 23).milliseconds
    let trade = Trade(id: 1, symbol: 0, direction: .long, quantity: 1, entryTime: Timestamp(milliseconds: t0), entryPrice: 100,
                      exitTime: Timestamp(milliseconds: t0 + 60_000), exitPrice: 101, commission: 0, pnl: 1, returnFraction: 0.01, bars: 1)
    let plus2 = TradingCalendar(name: "+02", offsets: [.init(from: .min, offset: 7_200_000)])
    for (calendar, weekday, hour) in [(TradingCalendar.utc, 0, 23), (plus2, 1, 1)] {
        let p = PeriodBreakdown.compute(times: [t0, t0 + 60_000], equity: [100, 101], initialCapital: 100, trades: [trade], calendar: calendar)
        #expect(p.weekdays?[weekday].trades == 1 && p.hours?[hour].trades == 1 && p.hours?[hour].meanReturn == 0.01)
        #expect(p.weekdays?.map(\.trades).reduce(0, +) == 1)
    }
}
