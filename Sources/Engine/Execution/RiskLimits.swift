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
            self.maxQuantity = maxQuantity
            self.maxNotional = maxNotional
            self.maxPercent = maxPercent
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

    public init(maxLeverage: Double = 1, allowShort: Bool = true, maxPositions: Int? = nil, maxNetExposure: Double? = nil,
                perSymbol: PerSymbol = PerSymbol(), lotSize: Double? = nil, minNotional: Double? = nil, cooldown: Cooldown? = nil) {
        self.maxLeverage = maxLeverage
        self.allowShort = allowShort
        self.maxPositions = maxPositions
        self.maxNetExposure = maxNetExposure
        self.perSymbol = perSymbol
        self.lotSize = lotSize
        self.minNotional = minNotional
        self.cooldown = cooldown
    }
}
