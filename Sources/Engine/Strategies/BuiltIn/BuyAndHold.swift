import Model

/// Buys every symbol on its first bar with an equal share of equity (`size` / symbols)
/// and holds to the end. The baseline every other strategy should beat.
public struct BuyAndHold: Strategy {
    public static let name = "buy-and-hold"
    let share: Double
    var bought: [Bool]

    public init(parameters: Parameters) throws {
        share = try parameters.double("size", default: 1, range: 0...10) / Double(parameters.symbols.count)
        bought = [Bool](repeating: false, count: parameters.symbols.count)
    }

    public mutating func onBar(_ bar: Bar, symbol: Int, context: StrategyContext) {
        guard !bought[symbol] else { return }
        bought[symbol] = true
        context.targetPercent(symbol, share)
    }
}
