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
    /// Per symbol, both averages and their cross in one element: a bar mutates one array
    /// element, not three (each array write checks its buffer is not shared).
    struct Lane {
        var fast: SMA
        var slow: SMA
        var cross = Crossover()
    }
    var lanes: [Lane]

    public init(parameters: Parameters) throws {
        let fastPeriod = try parameters.int("fast", default: 10, range: 1...100_000)
        let slowPeriod = try parameters.int("slow", default: 30, range: 1...100_000)
        guard fastPeriod < slowPeriod else {
            throw ParameterError("parameter 'fast' (\(fastPeriod)) of strategy 'sma-crossover' must be less than 'slow' (\(slowPeriod))")
        }
        longShort = try parameters.string("direction", default: "long_only", oneOf: ["long_only", "long_short"]) == "long_short"
        let n = parameters.symbols.count
        share = try parameters.double("size", default: 1, range: 0...10) / Double(n)
        lanes = (0..<n).map { _ in Lane(fast: SMA(period: fastPeriod), slow: SMA(period: slowPeriod)) }
    }

    public mutating func onBar(_ bar: Bar, symbol s: Int, context: StrategyContext) {
        let signal = lanes[s].step(bar.close)
        switch signal {
        case .up: context.targetPercent(s, share, tag: "long")
        case .down: context.targetPercent(s, longShort ? -share : 0, tag: longShort ? "short" : nil)
        case .none: break
        }
    }
}

extension SMACrossover.Lane {
    /// Feeds `close` to both averages; the cross once the slow one has a full window.
    @inline(__always)
    mutating func step(_ close: Double) -> Crossover.Signal {
        SMA.update(&fast, &slow, with: close)
        guard slow.isReady else { return .none }
        return cross.update(fast: fast.value, slow: slow.value)
    }
}
