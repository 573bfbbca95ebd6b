import AllocationCounter
import Engine
import Model
import Testing

/// Heap allocations of one backtest of the SMA(10, 30) crossover on `series`, with risk,
/// fills and equity on, counted around `Backtest.run` alone.
private func allocations(_ series: BarSeries) throws -> (count: UInt, trades: Int) {
    var strategy = try SMACrossover(parameters: Parameters(strategy: "sma-crossover", symbols: ["X"],
                                                           values: ["fast": .int(10), "slow": .int(30), "direction": .string("long_short")]))
    let backtest = Backtest(series: [series], config: BacktestConfig(capital: 100_000, commission: CommissionModel(percent: 0.001),
                                                                     risk: RiskLimits(maxLeverage: 1)))
    let before = qbt_allocations()
    let result = backtest.run(&strategy)
    return (qbt_allocations() - before, result.trades.count)
}

/// The engine loop allocates nothing per bar: ten times the bars of a flat market (no
/// trades) costs the same allocations, and on a random walk the allocations follow the
/// trades (orders, fills and trades are records), not the bars.
@Test func engineLoopDoesNotAllocatePerBar() throws {
    // The counter counts (a build where it does not would pass every check below).
    let before = qbt_allocations()
    let probe = [Int](repeating: 7, count: 1_000)
    #expect(qbt_allocations() > before && probe.count == 1_000, "AllocationCounter is not counting")

    let flat = { (n: Int) in BarSeries(symbol: "X", bars: (0..<n).map { i in
        Bar(time: Timestamp(milliseconds: Int64(i) * 60_000), open: 100, high: 100, low: 100, close: 100, volume: 1_000)
    }) }
    let small = try allocations(flat(10_000)), large = try allocations(flat(100_000))
    #expect(small.trades == 0 && large.trades == 0)
    #expect(large.count <= small.count + 8, "10,000 flat bars: \(small.count) allocations; 100,000: \(large.count)")

    let trading = try allocations(randomWalk(100_000, seed: 7))
    #expect(trading.trades > 1_000)
    #expect(Double(trading.count) / Double(trading.trades) < 20, "\(trading.count) allocations for \(trading.trades) trades over 100,000 bars")
    #expect(trading.count < 100_000 / 4, "\(trading.count) allocations over 100,000 bars")
}
