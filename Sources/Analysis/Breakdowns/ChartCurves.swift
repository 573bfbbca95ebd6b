import Engine
import Model

/// The curves a tearsheet draws, taken from every bar and thinned for drawing: the
/// timeline is cut into `buckets` spans and each keeps its first bar and the bars where
/// equity, drawdown, the benchmark and rolling Sharpe are lowest and highest, so no peak
/// or trough is lost (a year of minutes keeps at most a few thousand points).
package struct ChartCurves: Sendable, Equatable {
    package struct Point: Sendable, Equatable {
        package var time: Int64
        package var equity: Double
        package var drawdown: Double
        package var benchmark: Double?
        package var rollingSharpe: Double?
    }

    package var points: [Point]
    /// Bars in the rolling Sharpe window.
    package var rollingWindow: Int

    package init(points: [Point], rollingWindow: Int) { (self.points, self.rollingWindow) = (points, rollingWindow) }

    package init(times: [Int64], equity: [Double], initialCapital: Double, benchmark: [Double]?, returns: [Double],
                 rollingWindow: Int, periodsPerYear: Double, riskFreeRate: Double, buckets: Int = 200) {
        self.rollingWindow = rollingWindow
        var peak = initialCapital
        let drawdown = equity.map { e in peak = max(peak, e); return e / peak - 1 }
        let sharpe = Self.rollingSharpe(returns, window: rollingWindow, periodsPerYear: periodsPerYear, riskFreeRate: riskFreeRate)
        let n = times.count
        var keep = [Bool](repeating: false, count: n)
        let size = max(1, (n + buckets - 1) / buckets)
        // One pass over each span for all four curves (a closure per curve and bar was most
        // of the time).
        for start in stride(from: 0, to: n, by: size) {
            let end = min(start + size, n)
            keep[start] = true
            var e = Extremes(), d = Extremes(), b = Extremes(), r = Extremes()
            for i in start..<end {
                e.see(i, equity[i])
                d.see(i, drawdown[i])
                if let benchmark { b.see(i, benchmark[i]) }
                if !sharpe[i].isNaN { r.see(i, sharpe[i]) }
            }
            for x in [e, d, b, r] where x.low >= 0 { (keep[x.low], keep[x.high]) = (true, true) }
        }
        if n > 0 { keep[n - 1] = true }
        points = keep.indices.filter { keep[$0] }.map { i in
            Point(time: times[i], equity: equity[i], drawdown: drawdown[i], benchmark: benchmark?[i],
                  rollingSharpe: sharpe[i].isNaN ? nil : sharpe[i])
        }
    }

    /// The bars of a span where a curve is lowest and highest, the first of equals (a NaN
    /// that comes first stays, as nothing compares below or above it).
    private struct Extremes {
        var low = -1, high = -1, lowValue = 0.0, highValue = 0.0

        @inline(__always)
        mutating func see(_ i: Int, _ v: Double) {
            if low < 0 { (low, high, lowValue, highValue) = (i, i, v, v); return }
            if v < lowValue { (low, lowValue) = (i, v) }
            if v > highValue { (high, highValue) = (i, v) }
        }
    }

    /// Sharpe of the last `window` per-bar returns at each bar (NaN before the window is
    /// full or when its deviation is 0: a Sharpe worked out is never NaN, as a NaN return
    /// makes the variance NaN, which fails the test below), with metrics.json's definition.
    /// Sliding sums, compensated, so the figure does not drift over a year of minutes.
    /// - Complexity: O(bars).
    package static func rollingSharpe(_ returns: [Double], window: Int, periodsPerYear: Double, riskFreeRate: Double) -> [Double] {
        let rf = riskFreeRate / periodsPerYear, w = Double(window)
        var sum = CompensatedSum(), squares = CompensatedSum()
        var out = [Double](repeating: .nan, count: returns.count)
        guard window > 1 else { return out }
        for i in returns.indices {
            let x = returns[i] - rf
            sum.add(x); squares.add(x * x)
            if i >= window {
                let old = returns[i - window] - rf
                sum.add(-old); squares.add(-old * old)
            }
            guard i >= window - 1 else { continue }
            let mean = sum.value / w
            let variance = (squares.value - sum.value * mean) / (w - 1)
            // Sliding sums leave rounding dust where the window is flat: a variance that small
            // next to the window's second moment is 0.
            out[i] = variance > 1e-10 * (squares.value / w) ? mean / variance.squareRoot() * periodsPerYear.squareRoot() : .nan
        }
        return out
    }

    package var canonical: CanonicalValue {
        .map(["rolling_sharpe_window": .int(rollingWindow),
              "points": .list(points.map { p in
                  .map(["time": .string(Timestamp(milliseconds: p.time).description), "equity": .number(p.equity), "drawdown": .number(p.drawdown),
                        "benchmark": .optional(p.benchmark), "rolling_sharpe": .optional(p.rollingSharpe)])
              })])
    }
}
