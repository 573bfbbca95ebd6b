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
/// Rules (orders are live from the first bar of their symbol after they reach the venue):
/// - market: the bar's open (or, with `FillTiming.close`, the submitting bar's close);
/// - limit buy at L: trades when low ≤ L, at min(open, L): a bar that opens below the limit
///   fills at the better open; limit sell mirrors it (high ≥ L, at max(open, L));
/// - stop buy at S: trades when high ≥ S, at max(open, S): a gap through the stop fills at
///   the open, not at the stop; stop sell mirrors it (low ≤ S, at min(open, S));
/// - stop-limit buy at (S, L): when high ≥ S it triggers at max(open, S); if that price is
///   at or below L it fills there, otherwise (a gap past the limit) it rests as a limit
///   order at L from the next bar. The sell mirrors it.
/// Slippage moves market and stop fills against the trader; a limit fill is at its price,
/// and a stop-limit fill never passes its limit.
///
/// `open` is the price the order first meets on the bar: the bar's open, or for a bracket
/// leg that came alive on this bar, its entry's fill price.
public struct FillSimulator: Sendable {
    public enum Match: Equatable {
        case none
        /// Fills at this reference price (before slippage).
        case fill(Double)
        /// A stop-limit whose stop triggered but whose limit the price gapped past: it is a
        /// limit order from now on.
        case becomesLimit(Double)
    }

    public var commission: CommissionModel
    public var slippage: SlippageModel
    public var timing: FillTiming

    public init(commission: CommissionModel = .init(), slippage: SlippageModel = .init(), timing: FillTiming = .nextOpen) {
        (self.commission, self.slippage, self.timing) = (commission, slippage, timing)
    }

    @inlinable
    public func match(kind: OrderKind, side: Side, open: Double, high: Double, low: Double) -> Match {
        switch kind {
        case .market:
            return .fill(open)
        case .limit(let limit):
            if side == .buy { return low <= limit ? .fill(min(open, limit)) : .none }
            return high >= limit ? .fill(max(open, limit)) : .none
        case .stop(let stop):
            if side == .buy { return high >= stop ? .fill(max(open, stop)) : .none }
            return low <= stop ? .fill(min(open, stop)) : .none
        case .stopLimit(let stop, let limit):
            if side == .buy {
                guard high >= stop else { return .none }
                let at = max(open, stop)
                return at <= limit ? .fill(at) : .becomesLimit(limit)
            }
            guard low <= stop else { return .none }
            let at = min(open, stop)
            return at >= limit ? .fill(at) : .becomesLimit(limit)
        }
    }

    /// The fill price for a triggered order: slippage against `side` on market and stop
    /// fills; a limit fills at its reference price; a stop-limit is slipped but capped at
    /// its limit.
    @inlinable
    public func fillPrice(kind: OrderKind, reference: Double, side: Side, range: Double = 0, atr: Double = .nan,
                          multiplier: Double = 1) -> Double {
        switch kind {
        case .limit:
            return reference
        case .stopLimit(_, let limit):
            let slipped = slippage.price(reference: reference, side: side, range: range, atr: atr, multiplier: multiplier)
            return side == .buy ? min(slipped, limit) : max(slipped, limit)
        case .market, .stop:
            return slippage.price(reference: reference, side: side, range: range, atr: atr, multiplier: multiplier)
        }
    }
}
