import Analysis
@testable import Engine
import Model
import Testing

private func result(equity: [Double], trades: [Double] = [], capital: Double = 100) -> BacktestResult {
    let day: Int64 = 86_400_000
    let t = trades.enumerated().map { i, pnl in
        Trade(id: i + 1, symbol: 0, direction: .long, quantity: 1, entryTime: Timestamp(milliseconds: 0), entryPrice: 100,
              exitTime: Timestamp(milliseconds: day), exitPrice: 100 + pnl, commission: 0, pnl: pnl, returnFraction: pnl / 100, bars: 1)
    }
    return BacktestResult(symbols: ["X"], times: equity.indices.map { Int64($0) * day }, equity: equity,
                          cash: equity, fills: [], trades: t, rejections: [], riskEvents: [], ordersSubmitted: 0, ordersCancelled: 0,
                          ordersExpired: 0, replacesFailed: 0, ordersOutsideWindows: 0,
                          exposedAtClose: [], exposedBars: 2,
                          barsProcessed: equity.count, openPositionsAtEnd: 0, initialCapital: capital)
}

/// Returns, drawdown and trade statistics worked by hand on a three-day curve.
@Test func metricsByHand() {
    let m = MetricsCalculator.compute(result(equity: [110, 99, 121], trades: [10, -5, 20]),
                                      conventions: MetricConventions(periodsPerYear: 365))
    #expect(abs(m.totalReturn - 0.21) < 1e-12)
    #expect(abs(m.maxDrawdown - 0.1) < 1e-12)           // 110 → 99
    #expect(m.maxDrawdownBars == 1 && m.maxDrawdownDays == 1)
    // Returns 0.1, −0.1, 2/9: mean 2/27; sample variance Σd²/2.
    let r = [0.1, -0.1, 2.0 / 9]
    let mean = r.reduce(0, +) / 3
    let sd = (r.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 2).squareRoot()
    #expect(abs(m.sharpe! - mean / sd * 365.0.squareRoot()) < 1e-12)
    #expect(abs(m.sharpe! - 8.699820940459645) < 1e-9)   // from Python's statistics.stdev
    #expect(abs(m.sortino! - 24.51169201151747) < 1e-9)
    #expect(abs(m.sortino! - mean / (0.01 / 3).squareRoot() * 365.0.squareRoot()) < 1e-12)
    #expect(m.winRate == 2.0 / 3)
    #expect(m.profitFactor == 6)
    #expect(m.expectancy == 25.0 / 3)
    #expect(m.exposure == 2.0 / 3)
}

/// Undefined ratios are nil, not invented numbers.
@Test func flatCurveHasNoSharpe() {
    let m = MetricsCalculator.compute(result(equity: [100, 100, 100], trades: [5]))
    #expect(m.sharpe == nil && m.sortino == nil && m.profitFactor == nil)
    #expect(m.maxDrawdown == 0)
}

/// Periods per year: inferred from the bars observed (Annualization, tested in AnnualizationTests), or the config.
@Test func infersPeriodsPerYear() {
    #expect(MetricConventions().resolvedPeriodsPerYear(times: [0, 60_000, 120_000, 180_000]) == 525_600)
    #expect(MetricConventions().resolvedPeriodsPerYear(times: [0, 86_400_000, 172_800_000]) == 365)
    #expect(MetricConventions(periodsPerYear: 252).resolvedPeriodsPerYear(times: [0, 1]) == 252)
}
