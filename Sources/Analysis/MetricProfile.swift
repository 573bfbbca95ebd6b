import Foundation
import Engine
import Model

/// `metrics.profile`: whose definitions Sharpe, Sortino, annual volatility, CAGR, max
/// drawdown, Calmar and win rate follow, so a number can be checked against the library a
/// researcher used before without a day lost on conventions. Only metrics.json changes with
/// it; trades, equity and every other metric do not.
///
/// `empyrical` and `quantstats` take what their users pass them: the equity curve's
/// per-bar simple returns (pandas `pct_change`: n − 1 returns, none for the first bar),
/// annualized with `periods_per_year` (their `annualization` / `periods`).
public enum MetricProfile: String, CaseIterable, Sendable {
    /// QuantBT's own (the default): n returns, the first from the initial capital; CAGR
    /// over calendar days; win rate over closed trades.
    case quantbt
    /// empyrical-reloaded 0.7: Sharpe mean(r − rf)/std(r − rf, ddof 1)·√P; Sortino
    /// mean(r − rf)/√mean(min(r − rf, 0)²)·√P; volatility std(r, ddof 1)·√P; annual return
    /// (Π(1 + r))^(P/N) − 1 with N returns; max drawdown from the running peak of the curve
    /// (its first value the first peak); Calmar annual return / max drawdown. empyrical has
    /// no win rate: closed trades, as quantbt.
    case empyrical
    /// quantstats 0.0.86: as empyrical, except the risk-free rate per period is
    /// (1 + rf)^(1/P) − 1, and win rate is the share of positive among non-zero returns
    /// (periods, not trades).
    case quantstats
    /// backtesting.py 0.6.6 (`Backtest.run()` stats): daily (or weekly, monthly, yearly)
    /// resampled returns, geometric annualization over 252 or 365 trading days, Sharpe the
    /// annual return over its compounded volatility; CAGR over 365.25-day years; win rate
    /// over closed trades (`pl > 0`). See `BacktestingPyMetrics`.
    case backtestingPy = "backtesting.py"

    /// What metrics.json's conventions say the profile computed.
    public var description: String {
        switch self {
        case .quantbt: "quantbt: simple per-bar returns, the first from initial capital; CAGR over calendar days; win rate over closed trades"
        case .empyrical: "empyrical (empyrical-reloaded 0.7.1): returns are the equity curve's pct_change (none for the first bar); "
            + "sharpe_ratio, sortino_ratio, annual_volatility, annual_return (CAGR, over N returns / periods_per_year years), max_drawdown, "
            + "calmar_ratio with annualization = periods_per_year and risk_free = risk_free_rate / periods_per_year; win rate over closed "
            + "trades (empyrical has none)"
        case .quantstats: "quantstats (0.0.86): returns are the equity curve's pct_change (none for the first bar); sharpe, sortino, "
            + "volatility, cagr (over N returns / periods_per_year years), max_drawdown (the first value the first peak), calmar with "
            + "periods = periods_per_year and rf = risk_free_rate; win_rate: positive returns over non-zero returns"
        case .backtestingPy: "backtesting.py (0.6.6): Return (Ann.), Volatility (Ann.), Sharpe Ratio, Sortino Ratio, CAGR, Max. Drawdown "
            + "and Calmar Ratio of its compute_stats, from equity resampled to days (last value) with trading_days a year and rf = "
            + "risk_free_rate; Sharpe, Sortino and Calmar use Return (Ann.); win rate over closed trades"
        }
    }

    /// Replaces the seven metrics the profile defines in `m`, from the run's equity at every bar.
    func apply(to m: inout PerformanceMetrics, equity: [Double], times: [Int64], periodsPerYear p: Double, riskFreeRate: Double) {
        guard self != .quantbt else {
            m.calmar = m.cagr.flatMap { c in m.maxDrawdown > 0 ? c / m.maxDrawdown : nil }
            return
        }
        if self == .backtestingPy {
            let b = BacktestingPyMetrics(equity: equity, times: times, riskFreeRate: riskFreeRate)
            (m.sharpe, m.sortino, m.annualVolatility, m.cagr) = (b.sharpe, b.sortino, b.volatility, b.cagr)
            (m.maxDrawdown, m.calmar) = (b.maxDrawdown, b.calmar)
            m.profileConventions = [
                "trading_days": "\(b.tradingDays) a year (backtesting.py's annual_trading_days for these bars)",
                "resampling": "equity's last value each \(b.resampling) (UTC), returns its pct_change",
                "annual_return": b.annualReturn.map { "Return (Ann.) = \(CanonicalValue.format($0)): (1 + geometric mean return)^trading_days - 1" }
                    ?? "Return (Ann.): undefined (fewer than two periods)",
            ]
            return
        }
        let n = equity.count - 1  // returns
        let rf = self == .quantstats ? pow(1 + riskFreeRate, 1 / p) - 1 : riskFreeRate / p
        var sum = CompensatedSum(), down = CompensatedSum(), positive = 0, nonZero = 0
        var peak = equity.first ?? 0, worst = 0.0
        for i in equity.indices.dropFirst() {
            let r = equity[i] / equity[i - 1] - 1, x = r - rf
            sum.add(x)
            down.add(min(x, 0) * min(x, 0))
            if r > 0 { positive += 1 }
            if r != 0 { nonZero += 1 }
            peak = max(peak, equity[i])
            worst = max(worst, 1 - equity[i] / peak)
        }
        let mean = n > 0 ? sum.value / Double(n) : 0
        var squares = CompensatedSum()
        for i in equity.indices.dropFirst() { let d = equity[i] / equity[i - 1] - 1 - rf - mean; squares.add(d * d) }
        let std = n > 1 ? (squares.value / Double(n - 1)).squareRoot() : 0
        let downside = n > 0 ? (down.value / Double(n)).squareRoot() : 0
        let growth = n > 0 ? equity[n] / equity[0] : 1
        m.sharpe = std > 0 ? mean / std * p.squareRoot() : nil
        m.sortino = downside > 0 ? mean / downside * p.squareRoot() : nil
        m.annualVolatility = n > 1 ? std * p.squareRoot() : nil
        m.cagr = n > 0 && growth >= 0 ? pow(growth, p / Double(n)) - 1 : nil
        m.maxDrawdown = worst
        m.calmar = m.cagr.flatMap { c in worst > 0 ? c / worst : nil }
        if self == .quantstats { m.winRate = nonZero > 0 ? Double(positive) / Double(nonZero) : nil }
    }
}
