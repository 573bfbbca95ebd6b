import Model

/// How the simulated venue treats orders beyond price rules (config section `execution:`).
public struct ExecutionRules: Sendable, Equatable {
    public var latency: Latency
    public var intrabar: IntrabarRule
    /// At most this share of a bar's volume fills per order on that bar; nil = no cap.
    public var maxVolumeShare: Double?
    /// What happens to the part the volume cap leaves.
    public var volumeRemainder: VolumeRemainder
    /// Moments when every open position is closed at market (stress scenarios), sorted.
    public var forcedExits: [ForcedExit]
    /// How a target-percent order (`targetPercent`, `close`) turns a fraction of equity into units.
    public var targetUnits: TargetUnits

    public init(latency: Latency = .none, intrabar: IntrabarRule = .stopFirst, maxVolumeShare: Double? = nil,
                volumeRemainder: VolumeRemainder = .keep, forcedExits: [ForcedExit] = [],
                targetUnits: TargetUnits = .fractional) {
        (self.latency, self.intrabar, self.maxVolumeShare, self.volumeRemainder) = (latency, intrabar, maxVolumeShare, volumeRemainder)
        self.forcedExits = forcedExits.sorted { $0.time < $1.time }
        self.targetUnits = targetUnits
    }
}

/// `execution.target_units`: what quantity a target-percent order aims at. Either way the
/// fraction is of equity with positions marked at the bar's open (the fill's bar), so a
/// reversal sizes the new side from what closing the old one leaves, as backtesting.py's
/// close-then-buy does.
public enum TargetUnits: String, Sendable, Equatable, CaseIterable {
    /// fraction × equity / price, as it falls (the default; crypto, FX, fractional shares).
    case fractional
    /// Whole units, rounded toward zero the way backtesting.py sizes `buy(size=fraction)`:
    /// ⌊fraction · equity ⫽ (price · (1 + commission))⌋ with Python's float floor division.
    case whole
}

/// Which of two one-cancels-other orders (a bracket's stop-loss and take-profit) fills
/// when one bar reaches both. A bar says its open, high, low and close, not the path
/// between them, so this is an assumption; the default assumes the worst.
public enum IntrabarRule: String, Sendable, Equatable, CaseIterable {
    /// The stop fills (pessimistic; the default).
    case stopFirst = "stop_first"
    /// The take-profit (limit) fills (optimistic).
    case takeProfitFirst = "take_profit_first"
    /// The one whose price is nearer the bar's open fills; a tie goes to the stop.
    case nearestFirst = "nearest_first"
}

/// What the volume cap does with the quantity it did not fill.
public enum VolumeRemainder: String, Sendable, Equatable, CaseIterable {
    /// keep: the rest stays open and tries again on the next bars; cancel: it is cancelled.
    case keep, cancel
}

/// At `time` (the first bar at or after it), every open position is closed at market with
/// slippage × `slippageMultiplier`, and the symbol's other open orders are cancelled.
public struct ForcedExit: Sendable, Equatable {
    public var time: Timestamp
    public var slippageMultiplier: Double

    public init(time: Timestamp, slippageMultiplier: Double = 1) {
        (self.time, self.slippageMultiplier) = (time, slippageMultiplier)
    }
}
