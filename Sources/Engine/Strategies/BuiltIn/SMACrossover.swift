import Model

/// Trades the cross of a fast and a slow simple moving average of closes.
///
/// `direction: long_only` buys `size` of equity (split evenly over the symbols) when fast
/// crosses above slow and goes flat when it crosses below; `long_short` reverses to a short
/// of the same size instead of going flat. Only crosses trade (see `Crossover` for ties):
/// a run that starts with fast above slow waits for the next cross up. Entries are tagged
/// `long` and `short`.
public struct SMACrossover: Strategy {
    public static let name = "sma-crossover"
    let longShort: Bool
    let share: Double
    var fast: [SMA]
    var slow: [SMA]
    var cross: [Crossover]

    public init(parameters: Parameters) throws {
        let fastPeriod = try parameters.int("fast", default: 10, range: 1...100_000)
        let slowPeriod = try parameters.int("slow", default: 30, range: 1...100_000)
        guard fastPeriod < slowPeriod else {
            throw ParameterError("parameter 'fast' (\(fastPeriod)) of strategy 'sma-crossover' must be less than 'slow' (\(slowPeriod))")
        }
        longShort = try parameters.string("direction", default: "long_only", oneOf: ["long_only", "long_short"]) == "long_short"
        let n = parameters.symbols.count
        share = try parameters.double("size", default: 1, range: 0...10) / Double(n)
        fast = Array(repeating: SMA(period: fastPeriod), count: n)
        slow = Array(repeating: SMA(period: slowPeriod), count: n)
        cross = Array(repeating: Crossover(), count: n)
    }

    public mutating func onBar(_ bar: Bar, symbol s: Int, context: StrategyContext) {
        fast[s].update(bar.close)
        slow[s].update(bar.close)
        guard slow[s].isReady else { return }
        switch cross[s].update(fast: fast[s].value, slow: slow[s].value) {
        case .up: context.targetPercent(s, share, tag: "long")
        case .down: context.targetPercent(s, longShort ? -share : 0, tag: longShort ? "short" : nil)
        case .none: break
        }
    }
}
