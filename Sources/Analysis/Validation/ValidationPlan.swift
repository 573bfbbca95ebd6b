import Model

/// How `quantbt validate` splits and stresses an experiment (config sections `splits:` and
/// `stress:`). Every key has a default, so an experiment validates without either section.
public struct ValidationPlan: Sendable, Equatable {
    public enum Bound: Sendable, Equatable {
        /// From `start` through `end` inclusive (a midnight end covers its whole day).
        case dates(Timestamp, Timestamp)
        /// This share of the timeline, after the splits before it.
        case fraction(Double)
    }

    public struct Split: Sendable, Equatable {
        public var name: String
        public var bound: Bound

        public init(name: String, bound: Bound) {
            (self.name, self.bound) = (name, bound)
        }
    }

    public static let splitNames = ["train", "validation", "holdout"]

    /// In the order train, validation, holdout (those configured).
    public var splits: [Split] = [Split(name: "train", bound: .fraction(0.6)), Split(name: "validation", bound: .fraction(0.2)),
                                  Split(name: "holdout", bound: .fraction(0.2))]
    /// Bars before each split its strategy sees without trading (indicator warm-up); nil:
    /// every earlier bar.
    public var warmupBars: Int?

    public var slippageMultipliers: [Double] = [2, 3]
    /// Commission × this in the slippage scenarios (1: unchanged).
    public var commissionMultiplier: Double = 1
    /// The symbol whose monthly returns pick bear and range months (nil: the first).
    public var benchmark: String?
    public var bearMonthBelow = -0.05
    public var rangeMonthWithin = 0.02
    /// nil: no flash-crash scenario.
    public var flashCrash: FlashCrash? = FlashCrash()

    public struct FlashCrash: Sendable, Equatable {
        public var slippageMultiplier: Double = 5
        /// nil: the experiment's seed.
        public var seed: UInt64?

        public init(slippageMultiplier: Double = 5, seed: UInt64? = nil) {
            (self.slippageMultiplier, self.seed) = (slippageMultiplier, seed)
        }
    }

    public init() {}
}
