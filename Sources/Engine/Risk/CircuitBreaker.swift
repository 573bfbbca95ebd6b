/// A rule that halts new entries for a while when it trips (config `risk.circuit_breakers`).
/// Exits stay allowed during a halt, so a halt never traps a position. Each trip, and each
/// resumption, is a `RiskEvent` on record.
public struct CircuitBreaker: Sendable, Equatable {
    public enum Trigger: Sendable, Equatable {
        /// A symbol's close moved this fraction or more from its previous close.
        case priceMove(Double)
        /// This many risk refusals or cuts within `withinMilliseconds` (halts do not count).
        case rejections(count: Int, withinMilliseconds: Int64)
        /// Equity at a close fell this fraction below its peak since the breaker last reset
        /// (the run's start or the end of its last halt).
        case drawdown(Double)

        public var name: String {
            switch self {
            case .priceMove: "price_move"
            case .rejections: "rejections"
            case .drawdown: "drawdown"
            }
        }
    }

    public enum Halt: Sendable, Equatable {
        case milliseconds(Int64)
        case restOfRun
    }

    public var trigger: Trigger
    public var halt: Halt

    public init(trigger: Trigger, halt: Halt) {
        (self.trigger, self.halt) = (trigger, halt)
    }
}
