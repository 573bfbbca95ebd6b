/// Neumaier's compensated sum: the error stays a few ulps of the total over any count.
/// The portfolio also sums fill notionals with it (`add(_:times:)`, each product's rounding
/// error carried too), so an average entry price is the correctly rounded average, where a
/// running average re-rounds at every fill (0.1, 0.2, 0.3 averaged to 0.20000000000000004).
public struct CompensatedSum: Sendable {
    private var sum = 0.0, compensation = 0.0
    public init() {}
    public var value: Double { sum + compensation }
    @inline(__always)
    public mutating func add(_ x: Double) {
        let t = sum + x
        if abs(sum) >= abs(x) { compensation += (sum - t) + x } else { compensation += (x - t) + sum }
        sum = t
    }

    /// Adds a · b, with the product's own rounding error (exact by fma).
    public mutating func add(_ a: Double, times b: Double) {
        let product = a * b
        add(product)
        compensation += (-product).addingProduct(a, b)
    }

    /// (sum + compensation) / divisor, the first quotient's remainder (exact by fma) folded back in.
    public func divided(by divisor: Double) -> Double {
        let q = sum / divisor
        return q + (sum.addingProduct(-q, divisor) + compensation) / divisor
    }
}
