import Model

/// Buy-and-hold of one symbol over the run's timeline, against the run: the benchmark's
/// own return, Sharpe and max drawdown, and the run's excess return, beta and correlation.
package struct BenchmarkComparison: Sendable {
    package var symbol: String
    /// The benchmark's equity at every timestamp of the timeline: the initial capital until
    /// the symbol's first bar, then all of it in the symbol at that bar's close (no costs),
    /// marked at its last close at or before each timestamp.
    package var equity: [Double]
    package var own: ReturnStatistics
    package var excessReturn: Double
    package var beta: Double?
    package var correlation: Double?

    package init(symbol: String, series: BarSeries, times: [Int64], run: ReturnStatistics, initialCapital: Double,
                 periodsPerYear: Double, riskFreeRate: Double) {
        var equity = [Double]()
        equity.reserveCapacity(times.count)
        var j = -1
        let first = series.close.first ?? 1
        for t in times {
            while j + 1 < series.count && series.times[j + 1] <= t { j += 1 }
            equity.append(j < 0 ? initialCapital : initialCapital * series.close[j] / first)
        }
        self.symbol = symbol
        self.equity = equity
        own = ReturnStatistics(equity: equity, start: initialCapital, periodsPerYear: periodsPerYear, riskFreeRate: riskFreeRate)
        excessReturn = run.totalReturn - own.totalReturn
        (beta, correlation) = run.beta(to: own)
    }

    package var canonical: CanonicalValue {
        .map(["symbol": .string(symbol), "method": .string("buy and hold at the symbol's first close, no costs, marked at every bar close"),
              "total_return": .number(own.totalReturn), "sharpe": .optional(own.sharpe), "max_drawdown": .number(own.maxDrawdown),
              "excess_return": .number(excessReturn), "beta": .optional(beta), "correlation": .optional(correlation)])
    }
}
