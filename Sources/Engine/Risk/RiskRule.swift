/// The rule behind a rejection or a risk event. Its raw value is the text rejections.csv,
/// risk_events.csv and metrics.json show, so renaming a case never changes an artifact.
public enum RiskRule: String, Sendable, CaseIterable {
    // Order rules, in the order `RiskManager.review` applies them.
    case allowShort = "allow_short", cooldown, maxPositions = "max_positions", perSymbol = "per_symbol"
    case maxNetExposure = "max_net_exposure", maxLeverage = "max_leverage", lotSize = "lot_size", minNotional = "min_notional"
    // Sizing and execution cuts.
    case sizing, maxVolumeShare = "max_volume_share"
    // Halts: they refuse entries for a while rather than judging one order.
    case dailyLossLimit = "daily_loss_limit", maxDrawdown = "max_drawdown", circuitBreaker = "circuit_breaker"
    // Positions closed by the engine itself.
    case forcedExit = "forced_exit", windowEnd = "window_end"

    /// Halts do not count toward a `rejections` circuit breaker: it watches the order rules.
    public var isHalt: Bool { self == .dailyLossLimit || self == .maxDrawdown || self == .circuitBreaker }
}
