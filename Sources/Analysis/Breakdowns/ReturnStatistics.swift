import Engine

/// Per-bar simple returns of an equity curve (the first from the starting value) and the
/// figures metrics.json derives from them, with the same definitions: Sharpe is the mean
/// excess return over its sample deviation (n − 1) times √periods; max drawdown is from
/// the running peak, the start included.
package struct ReturnStatistics: Sendable {
    package var returns: [Double]
    package var totalReturn: Double
    package var sharpe: Double?
    package var maxDrawdown: Double

    package init(equity: [Double], start: Double, periodsPerYear: Double, riskFreeRate: Double) {
        var previous = start, peak = start, worst = 0.0
        let rf = riskFreeRate / periodsPerYear
        var sum = CompensatedSum()
        // One pass for the returns, their sum and the drawdown (the deviation needs the mean).
        let returns = [Double](unsafeUninitializedCapacity: equity.count) { out, count in
            for (i, e) in equity.enumerated() {
                let r = e / previous - 1
                out.initializeElement(at: i, to: r)
                sum.add(r - rf)
                previous = e
                peak = max(peak, e)
                worst = max(worst, 1 - e / peak)
            }
            count = equity.count
        }
        self.returns = returns
        maxDrawdown = worst
        totalReturn = (equity.last ?? start) / start - 1
        let n = Double(returns.count)
        let mean = n > 0 ? sum.value / n : 0
        var squares = CompensatedSum()
        for r in returns { let d = r - rf - mean; squares.add(d * d) }
        let std = n > 1 ? (squares.value / (n - 1)).squareRoot() : 0
        sharpe = std > 0 ? mean / std * periodsPerYear.squareRoot() : nil
    }

    /// (beta of `self` to `other`, correlation), from per-bar returns of equal length; nil
    /// where a deviation is 0.
    package func beta(to other: ReturnStatistics) -> (beta: Double?, correlation: Double?) {
        let n = Double(returns.count)
        guard n > 1, returns.count == other.returns.count else { return (nil, nil) }
        let ma = returns.reduce(0, +) / n, mb = other.returns.reduce(0, +) / n
        var cov = 0.0, va = 0.0, vb = 0.0
        for (a, b) in zip(returns, other.returns) {
            cov += (a - ma) * (b - mb); va += (a - ma) * (a - ma); vb += (b - mb) * (b - mb)
        }
        return (vb > 0 ? cov / vb : nil, va > 0 && vb > 0 ? cov / (va * vb).squareRoot() : nil)
    }
}
