/// What the venue charges per fill: a percent of notional, plus a charge per unit, plus a
/// fixed charge per fill, and never less than `minimum`.
public struct CommissionModel: Sendable, Equatable {
    /// Fraction of notional: 0.001 = 0.1 %.
    public var percent: Double
    public var perUnit: Double
    public var fixed: Double
    public var minimum: Double

    public init(percent: Double = 0, perUnit: Double = 0, fixed: Double = 0, minimum: Double = 0) {
        self.percent = percent
        self.perUnit = perUnit
        self.fixed = fixed
        self.minimum = minimum
    }

    @inlinable
    public func commission(quantity: Double, price: Double) -> Double {
        max(minimum, percent * quantity * price + perUnit * quantity + fixed)
    }
}
