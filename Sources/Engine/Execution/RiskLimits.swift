/// The risk rules in force (config section `risk:`). Every rule is optional; the defaults
/// forbid borrowing (gross exposure at most 1 × equity) and allow shorts.
public struct RiskLimits: Sendable, Equatable {
    /// Gross exposure (Σ |quantity| · price, plus the order's commission) may not exceed
    /// this multiple of equity after a fill. 1 = no borrowing.
    public var maxLeverage: Double
    public var allowShort: Bool
    /// Most symbols with an open position at once; nil = no limit.
    public var maxPositions: Int?

    public init(maxLeverage: Double = 1, allowShort: Bool = true, maxPositions: Int? = nil) {
        self.maxLeverage = maxLeverage
        self.allowShort = allowShort
        self.maxPositions = maxPositions
    }
}
