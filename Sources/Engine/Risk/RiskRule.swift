/// The rule behind a rejection or a risk event. Its raw value is the text rejections.csv,
/// risk_events.csv and metrics.json show, so renaming a case never changes an artifact.
public enum RiskRule: String, Sendable, CaseIterable, Comparable {
    // Order rules, in the order `RiskManager.review` applies them.
    case allowShort = "allow_short"
    case cooldown
    case maxPositions = "max_positions"
    case perSymbol = "per_symbol"
    case maxNetExposure = "max_net_exposure"
    case maxLeverage = "max_leverage"
    case lotSize = "lot_size"
    case minNotional = "min_notional"
    // Sizing and execution cuts.
    case sizing
    case maxVolumeShare = "max_volume_share"
    // Halts: they refuse entries for a while rather than judging one order.
    case dailyLossLimit = "daily_loss_limit"
    case maxDrawdown = "max_drawdown"
    case circuitBreaker = "circuit_breaker"
    // Positions closed by the engine itself.
    case forcedExit = "forced_exit"
    case windowEnd = "window_end"

    /// Halts do not count toward a `rejections` circuit breaker: it watches the order rules.
    public var isHalt: Bool { self == .dailyLossLimit || self == .maxDrawdown || self == .circuitBreaker }

    /// By artifact text, so tables sorted by rule read alphabetically as before.
    public static func < (a: RiskRule, b: RiskRule) -> Bool { a.rawValue < b.rawValue }
}
