/// Everything the engine needs besides data and a strategy.
public struct BacktestConfig: Sendable, Equatable {
    public var capital: Double
    public var commission: CommissionModel
    public var slippage: SlippageModel
    public var fillTiming: FillTiming
    public var risk: RiskLimits
    public var execution: ExecutionRules
    /// Where trading days begin (daily loss limit, day orders).
    public var calendar: TradingCalendar

    public init(capital: Double = 100_000, commission: CommissionModel = .init(), slippage: SlippageModel = .init(),
                fillTiming: FillTiming = .nextOpen, risk: RiskLimits = .init(), execution: ExecutionRules = .init(),
                calendar: TradingCalendar = .utc) {
        self.capital = capital
        self.commission = commission
        self.slippage = slippage
        self.fillTiming = fillTiming
        self.risk = risk
        self.execution = execution
        self.calendar = calendar
    }
}
