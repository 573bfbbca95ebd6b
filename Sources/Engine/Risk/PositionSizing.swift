/// How big an entry is when a strategy leaves the size to the config (`OrderSize.sized`,
/// `StrategyContext.enter`; config `risk.sizing`). The result then passes every risk rule,
/// lot rounding and the minimum notional included.
public enum PositionSizing: Sendable, Equatable {
    /// A fixed quantity in base units.
    case fixed(quantity: Double)
    /// A notional of this fraction of equity (1 = all of it).
    case percentEquity(Double)
    /// Volatility sizing: risk `riskFraction` of equity with the stop `multiple` × ATR away,
    /// so quantity = riskFraction · equity / (multiple · ATR(period)). The ATR is the
    /// `ATR` indicator strategies use, over the symbol's bars up to the last closed one.
    case atr(riskFraction: Double, multiple: Double, period: Int)

    /// The default when the config names no method: all of equity.
    public static let allIn = PositionSizing.percentEquity(1)

    public var atrPeriod: Int? {
        if case .atr(_, _, let period) = self { return period }
        return nil
    }

    /// The quantity for an entry at `price`, or the reason there is none.
    public func quantity(equity: Double, price: Double, atr: ATR?) -> Result<Double, SizingUnavailable> {
        switch self {
        case .fixed(let q):
            return .success(q)
        case .percentEquity(let fraction):
            return .success(fraction * equity / price)
        case .atr(let risk, let multiple, let period):
            guard let atr, atr.isReady, atr.value > 0 else {
                return .failure(SizingUnavailable(detail: "ATR(\(period)) is not ready yet (it needs \(period) bars of the symbol)"))
            }
            return .success(risk * equity / (multiple * atr.value))
        }
    }

    /// The stop distance the sizing assumed (`multiple` × ATR), for strategies that place
    /// the stop to match.
    public func stopDistance(atr: ATR?) -> Double? {
        guard case .atr(_, let multiple, _) = self, let atr, atr.isReady else { return nil }
        return multiple * atr.value
    }
}

/// Why a sized order could not be sized (recorded as a `sizing` rejection).
public struct SizingUnavailable: Error, Sendable {
    public var detail: String
}
