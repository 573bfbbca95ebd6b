import Model

/// Moves the fill price against the trader: a buy pays more, a sell receives less.
///
/// The move is the sum of three parts, each optional: `basisPoints` of the reference
/// price, `rangeFraction` of the fill bar's high − low, and `atrFraction` of the symbol's
/// ATR(`atrPeriod`) over the bars before the fill (before the ATR is ready, the fill bar's
/// range stands in for it). A multiplier scales the whole move (stress scenarios).
public struct SlippageModel: Sendable, Equatable {
    public var basisPoints: Double
    public var rangeFraction: Double
    public var atrFraction: Double
    public var atrPeriod: Int

    public init(basisPoints: Double = 0, rangeFraction: Double = 0, atrFraction: Double = 0, atrPeriod: Int = 14) {
        (self.basisPoints, self.rangeFraction, self.atrFraction, self.atrPeriod) = (basisPoints, rangeFraction, atrFraction, atrPeriod)
    }

    public var needsATR: Bool { atrFraction > 0 }

    @inlinable
    public func price(reference: Double, side: Side, range: Double = 0, atr: Double = .nan, multiplier: Double = 1) -> Double {
        var price = basisPoints == 0 ? reference : reference * (1 + side.sign * multiplier * basisPoints / 10_000)
        var move = 0.0
        if rangeFraction > 0 { move += rangeFraction * range }
        if atrFraction > 0 { move += atrFraction * (atr.isNaN ? range : atr) }
        if move > 0 { price += side.sign * multiplier * move }
        return max(price, 0)
    }
}
