import Foundation
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

/// Profiles worked by hand on 100, 110, 99, 108.9 (returns +10 %, −10 %, +10 % after the
/// first bar) at 252 periods: mean 1/30, sample std √(2/150), so Sharpe √21, Sortino √84
/// (downside √(0.01/3)), volatility √3.36; CAGR 1.089^84 − 1; max drawdown 10 %.
@Test func peerProfilesByHand() {
    let r = result(equity: [100, 110, 99, 108.9], trades: [5, -2])
    for profile in [MetricProfile.empyrical, .quantstats] {
        let m = MetricsCalculator.compute(r, conventions: MetricConventions(periodsPerYear: 252, profile: profile))
        #expect(abs(m.sharpe! - 21.0.squareRoot()) < 1e-12)
        #expect(abs(m.sortino! - 84.0.squareRoot()) < 1e-12)
        #expect(abs(m.annualVolatility! - 3.36.squareRoot()) < 1e-12)
        let cagr = pow(1.089, 84.0) - 1
        #expect(abs(m.cagr! / cagr - 1) < 1e-12)
        #expect(abs(m.maxDrawdown - 0.1) < 1e-15)
        #expect(abs(m.calmar! / (cagr / 0.1) - 1) < 1e-12)
        // quantstats counts winning bars (2 of 3 non-zero returns); empyrical has no win rate: trades (1 of 2).
        #expect(m.winRate == (profile == .quantstats ? 2.0 / 3 : 0.5))
        // Everything else is the run's, whatever the profile.
        #expect(m.totalReturn == MetricsCalculator.compute(r).totalReturn && m.trades == 2 && m.profitFactor == 2.5)
    }
    // quantbt's own: four returns (the first, 0, from the initial capital), CAGR over calendar days.
    let own = MetricsCalculator.compute(r, conventions: MetricConventions(periodsPerYear: 252))
    #expect(abs(own.sharpe! - 21.0.squareRoot()) > 0.1)
    #expect(abs(own.calmar! / (own.cagr! / 0.1) - 1) < 1e-12)
}

/// quantstats turns an annual risk-free rate into a per-period one geometrically, empyrical
/// (as QuantBT) by division.
@Test func riskFreeRatePerProfile() {
    let r = result(equity: [100, 101, 100.5, 102, 101.2])
    let a = MetricsCalculator.compute(r, conventions: MetricConventions(periodsPerYear: 12, riskFreeRate: 0.12, profile: .empyrical))
    let b = MetricsCalculator.compute(r, conventions: MetricConventions(periodsPerYear: 12, riskFreeRate: 0.12, profile: .quantstats))
    let returns = [101.0 / 100 - 1, 100.5 / 101 - 1, 102 / 100.5 - 1, 101.2 / 102 - 1]
    func sharpe(_ rf: Double) -> Double {
        let x = returns.map { $0 - rf }, mean = x.reduce(0, +) / 4
        return mean / (x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 3).squareRoot() * 12.0.squareRoot()
    }
    #expect(abs(a.sharpe! - sharpe(0.01)) < 1e-12)
    #expect(abs(b.sharpe! - sharpe(pow(1.12, 1.0 / 12.0) - 1)) < 1e-12)
}
