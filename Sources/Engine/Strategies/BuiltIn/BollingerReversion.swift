import Model

/// Mean reversion on Bollinger bands, long only: buy `size` of equity (split over the
/// symbols) when a close falls below the lower band; sell when a close reaches the middle.
public struct BollingerReversion: Strategy {
    public static let name = "bollinger-reversion"
    let share: Double
    var bands: [BollingerBands]

    public init(parameters: Parameters) throws {
        let period = try parameters.int("period", default: 20, range: 2...100_000)
        let width = try parameters.double("width", default: 2, range: 0.1...10)
        share = try parameters.double("size", default: 1, range: 0...10) / Double(parameters.symbols.count)
        bands = Array(repeating: BollingerBands(period: period, width: width), count: parameters.symbols.count)
    }

    public mutating func onBar(_ bar: Bar, symbol s: Int, context: StrategyContext) {
        bands[s].update(bar.close)
        guard bands[s].isReady else { return }
        let holding = context.position(s) > 0
        if !holding && bar.close < bands[s].lower {
            context.targetPercent(s, share)
        } else if holding && bar.close >= bands[s].middle {
            context.close(s)
        }
    }
}
