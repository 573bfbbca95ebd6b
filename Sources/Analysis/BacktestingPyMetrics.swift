import Foundation
import Engine
import Model

/// The headline ratios as backtesting.py 0.6 (`backtesting._stats.compute_stats`) computes
/// them, for `metrics.profile: backtesting.py`:
///
/// - equity is resampled to days (weeks, months or years when the bars are that far apart:
///   the median spacing of the last 100 bars, in whole days, is 7, 31 or 365), the last
///   value of each, and returns are its pct_change;
/// - trading days a year A: 52, 12 or 1 for those spacings, else 365 when more than 0.6 ×
///   2/7 of the bars fall on a weekend, else 252;
/// - annual return (1 + g)^A − 1 with g the geometric mean return (0 when any return is
///   −100 % or worse); volatility √((var + (1 + g)²)^A − (1 + g)^(2A)), var with ddof 1;
/// - Sharpe (annual return − rf) / volatility; Sortino (annual return − rf) /
///   (√mean(min(r, 0)²) · √A); Calmar annual return / max drawdown;
/// - CAGR (final / first equity)^(1 / years) − 1 over (days + seconds / 86,400) / 365.25
///   years from the first to the last bar; max drawdown from the running peak of every bar.
struct BacktestingPyMetrics {
    var annualReturn: Double?
    var volatility: Double?
    var sharpe: Double?
    var sortino: Double?
    var cagr: Double?
    var maxDrawdown: Double
    var calmar: Double?
    var tradingDays: Int
    var resampling: String

    init(equity: [Double], times: [Int64], riskFreeRate rf: Double) {
        let day: Int64 = 86_400_000
        let spacingDays = Self.medianSpacingDays(times)
        tradingDays = switch spacingDays {
        case 7: 52
        case 31: 12
        case 365: 1
        default: Self.weekendShare(times) > 2.0 / 7 * 0.6 ? 365 : 252
        }
        resampling = [7: "week (ending Sunday)", 31: "month", 365: "year"][spacingDays] ?? "day"

        // The last equity of each period (UTC), then its pct_change.
        func period(_ t: Int64) -> Int64 {
            let d = t >= 0 ? t / day : (t - day + 1) / day
            switch spacingDays {
            case 7: return d + (6 - ((d % 7 + 10) % 7))  // the Sunday that ends the week (1970-01-01 was a Thursday)
            case 31: let c = Timestamp.civilFromDays(d); return Int64(c.year * 12 + c.month)
            case 365: return Int64(Timestamp.civilFromDays(d).year)
            default: return d
            }
        }
        var closes: [Double] = []
        for i in equity.indices {
            if i + 1 == equity.count || period(times[i + 1]) != period(times[i]) { closes.append(equity[i]) }
        }
        var returns: [Double] = []
        returns.reserveCapacity(max(closes.count - 1, 0))
        for i in closes.indices.dropFirst() { returns.append(closes[i] / closes[i - 1] - 1) }

        let a = Double(tradingDays)
        var g = 0.0
        if !returns.isEmpty && !returns.contains(where: { $0 + 1 <= 0 }) {
            var logs = CompensatedSum()
            for r in returns { logs.add(Foundation.log(r + 1)) }
            g = exp(logs.value / Double(returns.count)) - 1
        }
        let annual = returns.isEmpty ? nil : pow(1 + g, a) - 1
        annualReturn = annual
        if returns.count > 1, let annual {
            var sum = CompensatedSum(), squares = CompensatedSum(), down = CompensatedSum()
            for r in returns { sum.add(r); down.add(min(r, 0) * min(r, 0)) }
            let mean = sum.value / Double(returns.count)
            for r in returns { squares.add((r - mean) * (r - mean)) }
            let variance = squares.value / Double(returns.count - 1)
            let vol = (pow(variance + (1 + g) * (1 + g), a) - pow(1 + g, 2 * a)).squareRoot()
            volatility = vol
            sharpe = vol > 0 ? (annual * 100 - rf * 100) / (vol * 100) : nil
            let downside = (down.value / Double(returns.count)).squareRoot() * a.squareRoot()
            sortino = downside > 0 ? (annual - rf) / downside : nil
        }
        var peak = equity.first ?? 0, worst = 0.0
        for e in equity {
            peak = max(peak, e)
            worst = max(worst, 1 - e / peak)
        }
        maxDrawdown = worst
        calmar = annual.flatMap { worst > 0 ? $0 / worst : nil }
        if let first = times.first, let last = times.last, let e0 = equity.first, let e1 = equity.last, last > first {
            let span = last - first
            let years = (Double(span / day) + Double((span % day) / 1000) / 86_400) / 365.25
            cagr = e1 / e0 >= 0 ? pow(e1 / e0, 1 / years) - 1 : nil
        }
    }

    /// pandas' median of the last 100 bar spacings, in whole days (Timedelta.days floors).
    static func medianSpacingDays(_ times: [Int64]) -> Int {
        let tail = times.suffix(100)
        var gaps = zip(tail.dropFirst(), tail).map { $0 - $1 }
        guard !gaps.isEmpty else { return 0 }
        gaps.sort()
        let mid = gaps.count / 2
        let median = gaps.count % 2 == 1 ? Double(gaps[mid]) : (Double(gaps[mid - 1]) + Double(gaps[mid])) / 2
        return Int((median / 86_400_000).rounded(.down))
    }

    /// The share of bars on a Saturday or Sunday (UTC).
    static func weekendShare(_ times: [Int64]) -> Double {
        guard !times.isEmpty else { return 0 }
        let day: Int64 = 86_400_000
        let weekend = times.reduce(0) { n, t in
            let d = t >= 0 ? t / day : (t - day + 1) / day
            let weekday = (d % 7 + 10) % 7  // Monday 0 ... Sunday 6
            return n + (weekday >= 5 ? 1 : 0)
        }
        return Double(weekend) / Double(times.count)
    }
}
