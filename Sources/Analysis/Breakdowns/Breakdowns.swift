import Engine
import Model

/// breakdowns.json: a plain run taken apart by symbol, by calendar period, by trade tag,
/// its worst drawdowns, a buy-and-hold benchmark, and the curves its tearsheet draws. A
/// pure function of the run's result and bars: the report reads it back from the file.
package struct Breakdowns: Sendable {
    package var symbols: [SymbolBreakdown]
    package var periods: PeriodBreakdown
    /// Tags sorted, "" (untagged) first.
    package var tags: [(tag: String, stats: TradeStats)]
    package var drawdowns: [DrawdownPeriod]
    package var benchmark: BenchmarkComparison?
    package var curves: ChartCurves

    /// - Complexity: O(bars + fills + trades).
    package static func compute(_ result: BacktestResult, series: [BarSeries], calendar: TradingCalendar, periodsPerYear: Double,
                                riskFreeRate: Double, options: ReportOptions = .init()) -> Breakdowns {
        let run = ReturnStatistics(equity: result.equity, start: result.initialCapital, periodsPerYear: periodsPerYear, riskFreeRate: riskFreeRate)
        let name = options.benchmark ?? result.symbols.first
        let benchmark = name.flatMap { name in series.first { $0.symbol == name } }.map {
            BenchmarkComparison(symbol: $0.symbol, series: $0, times: result.times, run: run, initialCapital: result.initialCapital,
                                periodsPerYear: periodsPerYear, riskFreeRate: riskFreeRate)
        }
        var byTag: [String: TradeStats] = [:]
        for t in result.trades { byTag[t.tag, default: TradeStats()].add(t) }
        let window = options.rollingWindow ?? max(2, Int((periodsPerYear / 2).rounded()))
        return Breakdowns(
            symbols: SymbolBreakdown.compute(result),
            periods: PeriodBreakdown.compute(times: result.times, equity: result.equity, initialCapital: result.initialCapital,
                                             trades: result.trades, calendar: calendar),
            tags: byTag.keys.sorted().map { ($0, byTag[$0]!) },
            drawdowns: DrawdownPeriods.worst(times: result.times, equity: result.equity, initialCapital: result.initialCapital),
            benchmark: benchmark,
            curves: ChartCurves(times: result.times, equity: result.equity, initialCapital: result.initialCapital, benchmark: benchmark?.equity,
                                returns: run.returns, rollingWindow: window, periodsPerYear: periodsPerYear, riskFreeRate: riskFreeRate))
    }

    package var canonical: CanonicalValue {
        .map([
            "by_symbol": .list(symbols.map(\.canonical)),
            "by_period": periods.canonical,
            "by_tag": .list(tags.map { tag, stats in
                var m = stats.canonical
                m["tag"] = .string(tag)
                return .map(m)
            }),
            "worst_drawdowns": .list(drawdowns.map(\.canonical)),
            "benchmark": benchmark?.canonical ?? .null,
            "charts": curves.canonical,
            "conventions": .map([
                "trades": .string("closed round trips; a trade belongs to the period of its exit, to its symbol, and to the tag of the order that opened it"),
                "periods": .string("calendar periods in the run's time zone; return is equity at the period's last bar close over the last close before it"),
                "weekdays_hours": .string("by trade entry time in the run's time zone; only for intraday bars"),
                "return_contribution": .string("realized P&L of the symbol's closed trades over initial capital"),
                "exposure": .string("share of timeline bars that closed with a position in the symbol"),
                "drawdowns": .string("from the running peak of equity at every bar close, the initial capital the first peak; days from peak to recovery or to the last bar"),
                "charts": .string("every bar, thinned for drawing: each of 200 spans keeps its first bar and the extremes of every curve"),
            ]),
        ])
    }
}
