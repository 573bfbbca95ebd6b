import Model

/// Something the risk side did on its own, not in answer to one order: a limit tripped or
/// reset, a halt began or ended, positions were flattened or forced out. Written to
/// risk_events.csv.
public struct RiskEvent: Sendable, Equatable {
    public enum Action: String, Sendable {
        case tripped, reset, resumed, flattened
        case forcedExit = "forced_exit"
    }

    public var time: Timestamp
    /// The rule: `daily_loss_limit`, `max_drawdown`, `circuit_breaker`, `forced_exit`.
    public var rule: RiskRule
    public var action: Action
    /// The symbol concerned, if one.
    public var symbol: Int?
    public var detail: String

    public init(time: Timestamp, rule: RiskRule, action: Action, symbol: Int? = nil, detail: String) {
        (self.time, self.rule, self.action, self.symbol, self.detail) = (time, rule, action, symbol, detail)
    }
}
