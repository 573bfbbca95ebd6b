import Model

/// When a market order fills.
public enum FillTiming: String, Sendable, CaseIterable {
    /// At the open of the symbol's next bar (the default: the strategy decided on a closed
    /// bar, so the earliest price it can trade is the next one).
    case nextOpen = "next_open"
    /// At the close of the bar the strategy saw (optimistic; for comparison with tools that
    /// do this).
    case close
}

/// Decides whether an order trades on a bar and at what price.
///
/// Rules (all orders are live from the bar after the one they were submitted on):
/// - market: the bar's open (or, with `FillTiming.close`, the submitting bar's close);
/// - limit buy at L: trades when low ≤ L, at min(open, L): a bar that opens below the limit
///   fills at the better open; limit sell mirrors it (high ≥ L, at max(open, L));
/// - stop buy at S: trades when high ≥ S, at max(open, S): a gap through the stop fills at
///   the open, not at the stop; stop sell mirrors it (low ≤ S, at min(open, S)).
/// Slippage moves market and stop fills against the trader; a limit fill is at its price.
public struct FillSimulator: Sendable {
    public var commission: CommissionModel
    public var slippage: SlippageModel
    public var timing: FillTiming

    public init(commission: CommissionModel = .init(), slippage: SlippageModel = .init(), timing: FillTiming = .nextOpen) {
        self.commission = commission
        self.slippage = slippage
        self.timing = timing
    }

    /// The reference price (before slippage) if `kind` trades on this bar, else nil.
    @inlinable
    public func trigger(kind: OrderKind, side: Side, open: Double, high: Double, low: Double) -> Double? {
        switch kind {
        case .market:
            return open
        case .limit(let limit):
            if side == .buy { return low <= limit ? min(open, limit) : nil }
            return high >= limit ? max(open, limit) : nil
        case .stop(let stop):
            if side == .buy { return high >= stop ? max(open, stop) : nil }
            return low <= stop ? min(open, stop) : nil
        }
    }

    /// The fill price for a triggered order: slippage against `side` on market and stop
    /// fills; a limit fills at its reference price.
    @inlinable
    public func fillPrice(kind: OrderKind, reference: Double, side: Side) -> Double {
        if case .limit = kind { return reference }
        return slippage.price(reference: reference, side: side)
    }
}
