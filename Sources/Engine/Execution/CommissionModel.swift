/// What the venue charges per fill: a percent of notional, plus a charge per unit, plus a
/// fixed charge per fill, and never less than `minimum`.
public struct CommissionModel: Sendable, Equatable {
    /// Fraction of notional: 0.001 = 0.1 %.
    public var percent: Double
    /// Per unit traded, per fill, and the least one fill costs.
    public var perUnit: Double, fixed: Double, minimum: Double

    public init(percent: Double = 0, perUnit: Double = 0, fixed: Double = 0, minimum: Double = 0) {
        (self.percent, self.perUnit, self.fixed, self.minimum) = (percent, perUnit, fixed, minimum)
    }

    @inlinable
    public func commission(quantity: Double, price: Double) -> Double {
        max(minimum, percent * quantity * price + perUnit * quantity + fixed)
    }
}
