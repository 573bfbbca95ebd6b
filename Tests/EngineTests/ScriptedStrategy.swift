import Engine
import Model

/// A test strategy that submits the orders a script gives for each bar index.
struct ScriptedStrategy: Strategy {
    static let name = "scripted"
    var script: [Int: (StrategyContext) -> Void] = [:]
    var bars = 0

    init(parameters: Parameters) throws {}
    init(_ script: [Int: (StrategyContext) -> Void]) { self.script = script }

    mutating func onBar(_ bar: Bar, symbol: Int, context: StrategyContext) {}

    mutating func onBarsClosed(context: StrategyContext) {
        script[bars]?(context)
        bars += 1
    }
}

/// Bars at one-minute steps from (open, high, low, close) tuples.
func bars(_ symbol: String, _ rows: [(Double, Double, Double, Double)]) -> BarSeries {
    BarSeries(symbol: symbol, bars: rows.enumerated().map { i, r in
        Bar(time: Timestamp(milliseconds: Int64(i) * 60_000), open: r.0, high: r.1, low: r.2, close: r.3, volume: 1)
    })
}

func run(_ series: [BarSeries], _ config: BacktestConfig, _ script: [Int: (StrategyContext) -> Void]) -> BacktestResult {
    var strategy = ScriptedStrategy(script)
    return Backtest(series: series, config: config).run(&strategy)
}

/// Bars at explicit times (milliseconds) from (time, open, high, low, close) tuples.
func timedBars(_ symbol: String, _ rows: [(Int64, Double, Double, Double, Double)], volume: Double = 1) -> BarSeries {
    BarSeries(symbol: symbol, bars: rows.map { r in
        Bar(time: Timestamp(milliseconds: r.0), open: r.1, high: r.2, low: r.3, close: r.4, volume: volume)
    })
}

/// `n` flat bars at `price`, `step` milliseconds apart.
func flatBars(_ symbol: String, _ n: Int, at price: Double = 100, step: Int64 = 60_000, volume: Double = 1) -> BarSeries {
    BarSeries(symbol: symbol, bars: (0..<n).map { i in
        Bar(time: Timestamp(milliseconds: Int64(i) * step), open: price, high: price, low: price, close: price, volume: volume)
    })
}
