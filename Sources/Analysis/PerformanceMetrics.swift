/// The summary numbers of one run. A value that is undefined (Sharpe of a flat curve,
/// profit factor without a losing trade) is nil and is written as `null`, never as a
/// made-up number.
public struct PerformanceMetrics: Sendable, Equatable {
    public var totalReturn: Double
    public var cagr: Double?
    public var annualVolatility: Double?
    public var sharpe: Double?
    public var sortino: Double?
    /// As a positive fraction of the peak: 0.25 = a 25 % fall.
    public var maxDrawdown: Double
    public var maxDrawdownBars: Int
    public var maxDrawdownDays: Double
    public var winRate: Double?
    public var profitFactor: Double?
    /// Mean net P&L per trade, in cash.
    public var expectancy: Double?
    public var trades: Int
    /// Share of bars that closed with a position open.
    public var exposure: Double
    public var finalEquity: Double
    public var fills: Int
    public var orders: Int
    public var rejections: Int
    public var commissionPaid: Double
    public var slippagePaid: Double
    public var bars: Int
    public var periodsPerYear: Double

    /// Keys whose values are counts, written as whole numbers.
    public static let countKeys: Set<String> = ["bars", "fills", "max_drawdown_bars", "orders", "rejections", "trades"]

    /// (key, value) in sorted key order, the canonical order of metrics.json.
    public var entries: [(String, Double?)] {
        [
            ("annual_volatility", annualVolatility), ("bars", Double(bars)), ("cagr", cagr),
            ("commission_paid", commissionPaid), ("expectancy", expectancy), ("exposure", exposure),
            ("fills", Double(fills)), ("final_equity", finalEquity), ("max_drawdown", maxDrawdown),
            ("max_drawdown_bars", Double(maxDrawdownBars)), ("max_drawdown_days", maxDrawdownDays),
            ("orders", Double(orders)), ("profit_factor", profitFactor), ("rejections", Double(rejections)),
            ("sharpe", sharpe), ("slippage_paid", slippagePaid), ("sortino", sortino),
            ("total_return", totalReturn), ("trades", Double(trades)), ("win_rate", winRate),
        ]
    }
}
