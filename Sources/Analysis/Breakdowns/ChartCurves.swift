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
        func mark(_ range: Range<Int>, _ value: (Int) -> Double?) {
            var low: (Int, Double)?, high: (Int, Double)?
            for i in range {
                guard let v = value(i) else { continue }
                if low == nil || v < low!.1 { low = (i, v) }
                if high == nil || v > high!.1 { high = (i, v) }
            }
            if let low { keep[low.0] = true }
            if let high { keep[high.0] = true }
        }
        for start in stride(from: 0, to: n, by: size) {
            let range = start..<min(start + size, n)
            keep[start] = true
            mark(range) { equity[$0] }
            mark(range) { drawdown[$0] }
            if let benchmark { mark(range) { benchmark[$0] } }
            mark(range) { sharpe[$0] }
        }
        if n > 0 { keep[n - 1] = true }
        points = keep.indices.filter { keep[$0] }.map { i in
            Point(time: times[i], equity: equity[i], drawdown: drawdown[i], benchmark: benchmark?[i], rollingSharpe: sharpe[i])
        }
    }

    /// Sharpe of the last `window` per-bar returns at each bar (nil before the window is
    /// full or when its deviation is 0), with metrics.json's definition. Sliding sums,
    /// compensated, so the figure does not drift over a year of minutes.
    /// - Complexity: O(bars).
    package static func rollingSharpe(_ returns: [Double], window: Int, periodsPerYear: Double, riskFreeRate: Double) -> [Double?] {
        let rf = riskFreeRate / periodsPerYear, w = Double(window)
        var sum = CompensatedSum(), squares = CompensatedSum()
        var out = [Double?](repeating: nil, count: returns.count)
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
            out[i] = variance > 1e-10 * (squares.value / w) ? mean / variance.squareRoot() * periodsPerYear.squareRoot() : nil
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
