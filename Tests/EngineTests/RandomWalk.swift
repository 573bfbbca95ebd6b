import Engine
import Model

/// A random walk of `n` one-minute bars on a 0.01 grid, the same for a seed (symbol "X").
func randomWalk(_ n: Int, seed: UInt64) -> BarSeries {
    var random = SeededRandom(seed: seed)
    var price = 100.0
    return BarSeries(symbol: "X", bars: (0..<n).map { i in
        let open = price
        price = max(1, ((price + (random.uniform() - 0.5)) * 100).rounded() / 100)
        return Bar(time: Timestamp(milliseconds: Int64(i) * 60_000), open: open, high: max(open, price) + 0.01,
                   low: min(open, price) - 0.01, close: price, volume: 1_000)
    })
}
