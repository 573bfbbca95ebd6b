import Engine
import Model
import Synchronization
import Testing

/// The feed hands over every step once, in order, in chunks of the size asked (the last
/// shorter), with the values the result holds; the result is the same with and without it.
@Test(arguments: [1, 7, 1_000, 2_500, 10_000])
func equityFeedHandsOverEveryStep(chunk: Int) throws {
    let series = randomWalk(2_500, seed: 3)
    func run(_ feed: EquityFeed?) throws -> BacktestResult {
        var strategy = try SMACrossover(parameters: Parameters(strategy: "sma-crossover", symbols: ["X"], values: ["fast": .int(5), "slow": .int(20)]))
        return Backtest(series: [series], config: BacktestConfig(capital: 10_000, commission: CommissionModel(percent: 0.001))).run(&strategy, feed: feed)
    }
    let got = Mutex<[(start: Int, times: [Int64], equity: [Double], cash: [Double])]>([])
    let fed = try run(EquityFeed(chunk: chunk) { start, times, equity, cash in got.withLock { $0.append((start, times, equity, cash)) } })
    let plain = try run(nil)
    let chunks = got.withLock { $0 }
    #expect(chunks.map(\.start) == Array(stride(from: 0, to: 2_500, by: chunk)))
    #expect(chunks.dropLast().allSatisfy { $0.times.count == chunk })
    #expect(chunks.flatMap(\.times) == plain.times)
    #expect(chunks.flatMap(\.equity) == plain.equity)
    #expect(chunks.flatMap(\.cash) == plain.cash)
    #expect(fed.equity == plain.equity && fed.trades.count == plain.trades.count && plain.trades.count > 10)
}
