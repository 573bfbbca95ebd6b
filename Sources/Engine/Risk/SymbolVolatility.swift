import Model

/// The engine's own ATR per symbol, kept only when the config needs one: ATR sizing
/// (`risk.sizing.method: atr`) or ATR slippage (`costs.slippage_atr`). Updated at each
/// bar's close, exactly as a strategy updates its `ATR`, so at a fill it covers the bars
/// up to the last closed one.
public final class SymbolVolatility {
    private(set) var sizing: [ATR]?
    private(set) var slippage: [ATR]?
    /// Whether slippage reads the sizing array (same period).
    private let shared: Bool

    init(sizingPeriod: Int?, slippagePeriod: Int?, symbolCount: Int) {
        sizing = sizingPeriod.map { Array(repeating: ATR(period: $0), count: symbolCount) }
        shared = sizingPeriod != nil && sizingPeriod == slippagePeriod
        slippage = shared ? nil : slippagePeriod.map { Array(repeating: ATR(period: $0), count: symbolCount) }
    }

    var isNeeded: Bool { sizing != nil || slippage != nil }

    func update(symbol s: Int, high: Double, low: Double, close: Double) {
        sizing?[s].update(high: high, low: low, close: close)
        slippage?[s].update(high: high, low: low, close: close)
    }

    func sizingATR(_ s: Int) -> ATR? { sizing?[s] }

    /// NaN until ready (slippage then uses the bar's range).
    func slippageATR(_ s: Int) -> Double {
        guard let atr = shared ? sizing?[s] : slippage?[s], atr.isReady else { return .nan }
        return atr.value
    }
}
