import Foundation
import Engine
import Model

/// Computes `PerformanceMetrics` from a run.
///
/// Returns are simple per-bar returns of equity, the first one from the initial capital.
/// Volatility and Sharpe use the sample standard deviation (n − 1); Sortino divides the
/// mean excess return by the downside deviation √(Σ min(r − rf, 0)² / n). Both are
/// annualized by √periodsPerYear.
public enum MetricsCalculator {
    public static func compute(_ result: BacktestResult, conventions: MetricConventions = .init()) -> PerformanceMetrics {
        let annualization = conventions.annualization(times: result.times)
        let ppy = annualization.periodsPerYear
        let equity = result.equity
        let start = result.initialCapital
        let final = equity.last ?? start
        let rf = conventions.riskFreeRate / ppy

        var sum = CompensatedSum(), sumSq = CompensatedSum(), downSq = CompensatedSum()
        var previous = start
        var peak = start, peakIndex = -1, maxDD = 0.0, longestBars = 0, longestMs: Int64 = 0
        for (i, e) in equity.enumerated() {
            let r = e / previous - 1
            previous = e
            sum.add(r - rf)
            let down = min(r - rf, 0)
            downSq.add(down * down)
            if e >= peak {
                peak = e
                peakIndex = i
            } else {
                maxDD = max(maxDD, 1 - e / peak)
            }
            // Length of the current underwater spell, measured from the peak's bar.
            let bars = i - peakIndex
            if bars > longestBars {
                longestBars = bars
                let from = peakIndex >= 0 ? result.times[peakIndex] : result.times[0]
                longestMs = result.times[i] - from
            }
        }
        let n = Double(equity.count)
        let mean = n > 0 ? sum.value / n : 0
        previous = start
        for e in equity {
            let d = (e / previous - 1 - rf) - mean
            previous = e
            sumSq.add(d * d)
        }
        let std = n > 1 ? (sumSq.value / (n - 1)).squareRoot() : 0
        let downside = n > 0 ? (downSq.value / n).squareRoot() : 0

        let trades = result.trades
        var grossProfit = 0.0, grossLoss = 0.0, wins = 0
        for t in trades {
            if t.pnl > 0 { grossProfit += t.pnl; wins += 1 } else { grossLoss -= t.pnl }
        }
        let years = result.times.count > 1
            ? Double(result.times.last! - result.times.first!) / (365.25 * 86_400_000) : 0
        let totalReturn = final / start - 1
        var metrics = PerformanceMetrics(
            totalReturn: totalReturn,
            cagr: years > 0 && final > 0 ? pow(final / start, 1 / years) - 1 : nil,
            annualVolatility: n > 1 ? std * ppy.squareRoot() : nil,
            sharpe: std > 0 ? mean / std * ppy.squareRoot() : nil,
            sortino: downside > 0 ? mean / downside * ppy.squareRoot() : nil,
            maxDrawdown: maxDD,
            maxDrawdownBars: longestBars,
            maxDrawdownDays: Double(longestMs) / 86_400_000,
            winRate: trades.isEmpty ? nil : Double(wins) / Double(trades.count),
            profitFactor: grossLoss > 0 ? grossProfit / grossLoss : nil,
            expectancy: trades.isEmpty ? nil : (grossProfit - grossLoss) / Double(trades.count),
            trades: trades.count,
            exposure: equity.isEmpty ? 0 : Double(result.exposedBars) / n,
            finalEquity: final,
            fills: result.fills.count,
            orders: result.ordersSubmitted,
            rejections: result.rejections.count,
            commissionPaid: result.fills.reduce(0) { $0 + $1.commission },
            slippagePaid: result.fills.reduce(0) { $0 + $1.slippage },
            bars: result.barsProcessed,
            periodsPerYear: ppy, periodsPerYearSource: annualization.source)
        conventions.profile.apply(to: &metrics, equity: equity, times: result.times, periodsPerYear: ppy, riskFreeRate: conventions.riskFreeRate)
        return metrics
    }
}
