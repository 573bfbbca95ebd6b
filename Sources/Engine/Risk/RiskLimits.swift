/// The risk rules in force (config section `risk:`). Every rule is optional; the defaults
/// forbid borrowing (gross exposure at most 1 × equity) and allow shorts.
public struct RiskLimits: Sendable, Equatable {
    /// Limits on one symbol's position after a fill; each optional.
    public struct PerSymbol: Sendable, Equatable {
        public var maxQuantity: Double?
        /// |quantity| · price, in cash.
        public var maxNotional: Double?
        /// |quantity| · price as a fraction of equity.
        public var maxPercent: Double?

        public init(maxQuantity: Double? = nil, maxNotional: Double? = nil, maxPercent: Double? = nil) {
            (self.maxQuantity, self.maxNotional, self.maxPercent) = (maxQuantity, maxNotional, maxPercent)
        }
    }

    /// No re-entry in a symbol for this long after a position in it was closed.
    public enum Cooldown: Sendable, Equatable {
        /// Bars of that symbol.
        case bars(Int)
        case milliseconds(Int64)
    }

    /// The gross exposure limit: Σ |quantity| · price (plus the order's commission) may not
    /// exceed this multiple of equity after a fill. 1 = no borrowing.
    public var maxLeverage: Double
    public var allowShort: Bool
    /// Most symbols with an open position at once; nil = no limit.
    public var maxPositions: Int?
    /// |Σ quantity · price| after a fill, as a fraction of equity.
    public var maxNetExposure: Double?
    public var perSymbol = PerSymbol()
    /// Quantities that open or add are rounded down to a multiple of this.
    public var lotSize: Double?
    /// Orders that open or add below this notional (quantity · price) are refused.
    public var minNotional: Double?
    public var cooldown: Cooldown?
    /// How `.sized` orders are sized.
    public var sizing: PositionSizing
    /// Entries are refused for the rest of a trading day once the day's loss (realized plus
    /// unrealized, from equity at the last close before the day began) reaches this
    /// fraction of that equity. Exits stay allowed.
    public var dailyLossLimit: Double?
    /// When drawdown from peak equity (at bar closes) reaches `limit`, no position opens
    /// again; with `flatten`, every open position is closed at market.
    public var maxDrawdown: DrawdownStop?
    public var circuitBreakers: [CircuitBreaker]

    /// The max drawdown stop.
    public struct DrawdownStop: Sendable, Equatable {
        public var limit: Double
        public var flatten: Bool

        public init(limit: Double, flatten: Bool = false) {
            (self.limit, self.flatten) = (limit, flatten)
        }
    }

    public init(maxLeverage: Double = 1, allowShort: Bool = true, maxPositions: Int? = nil, maxNetExposure: Double? = nil,
                perSymbol: PerSymbol = PerSymbol(), lotSize: Double? = nil, minNotional: Double? = nil, cooldown: Cooldown? = nil,
                sizing: PositionSizing = .allIn, dailyLossLimit: Double? = nil, maxDrawdown: DrawdownStop? = nil,
                circuitBreakers: [CircuitBreaker] = []) {
        (self.maxLeverage, self.allowShort, self.maxPositions) = (maxLeverage, allowShort, maxPositions)
        (self.maxNetExposure, self.perSymbol, self.lotSize, self.minNotional) = (maxNetExposure, perSymbol, lotSize, minNotional)
        (self.cooldown, self.sizing, self.dailyLossLimit, self.maxDrawdown) = (cooldown, sizing, dailyLossLimit, maxDrawdown)
        self.circuitBreakers = circuitBreakers
    }

    /// Whether any rule needs watching between orders (`RiskMonitor`).
    public var needsMonitor: Bool { dailyLossLimit != nil || maxDrawdown != nil || !circuitBreakers.isEmpty }
}
