import Model

/// Moves the fill price against the trader by a fixed number of basis points of the
/// reference price: a buy pays more, a sell receives less.
public struct SlippageModel: Sendable, Equatable {
    public var basisPoints: Double

    public init(basisPoints: Double = 0) { self.basisPoints = basisPoints }

    @inlinable
    public func price(reference: Double, side: Side) -> Double {
        basisPoints == 0 ? reference : reference * (1 + side.sign * basisPoints / 10_000)
    }
}
