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
    /// If set, the strategy may trade only inside these windows; it sees every bar (its
    /// indicators warm up), but orders it submits outside are dropped.
    public var tradingWindows: [TradingWindow]?

    public init(capital: Double = 100_000, commission: CommissionModel = .init(), slippage: SlippageModel = .init(),
                fillTiming: FillTiming = .nextOpen, risk: RiskLimits = .init(), execution: ExecutionRules = .init(),
                calendar: TradingCalendar = .utc, tradingWindows: [TradingWindow]? = nil) {
        (self.capital, self.commission, self.slippage, self.fillTiming, self.risk) = (capital, commission, slippage, fillTiming, risk)
        (self.execution, self.calendar) = (execution, calendar)
        self.tradingWindows = tradingWindows?.sorted { $0.start < $1.start }
    }
}

/// A span of time in which a strategy may trade: from `start` (inclusive) to `end`
/// (exclusive), UTC milliseconds. With `closeAtEnd`, every position still open is closed at
/// market on the first bar at or after `end` (a `window_end` risk event), so that a window's
/// result does not run on into time outside it.
public struct TradingWindow: Sendable, Equatable {
    public var start: Int64
    public var end: Int64
    public var closeAtEnd: Bool

    public init(start: Int64, end: Int64, closeAtEnd: Bool = false) {
        precondition(start < end, "a trading window must end after it starts")
        (self.start, self.end, self.closeAtEnd) = (start, end, closeAtEnd)
    }
}
