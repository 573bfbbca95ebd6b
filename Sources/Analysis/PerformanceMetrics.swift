/// The summary numbers of one run. A value that is undefined (Sharpe of a flat curve,
/// profit factor without a losing trade) is nil and is written as `null`, never as a
/// made-up number.
public struct PerformanceMetrics: Sendable, Equatable {
    public var totalReturn: Double
    public var cagr: Double?
    public var annualVolatility: Double?
    public var sharpe: Double?
    public var sortino: Double?
    /// CAGR over max drawdown (nil without a drawdown).
    public var calmar: Double? = nil
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
    /// Where `periodsPerYear` came from (metrics.json's conventions); not a metric.
    public var periodsPerYearSource: String = "config"
    /// What a peer profile decided from the data itself (backtesting.py: its trading days a
    /// year and resampling), added to metrics.json's conventions; not a metric.
    public var profileConventions: [String: String] = [:]

    /// Keys whose values are counts, written as whole numbers.
    public static let countKeys: Set<String> = ["bars", "fills", "max_drawdown_bars", "orders", "rejections", "trades"]

    /// The keys of metrics.json's `metrics` map, sorted: the canonical order.
    public static let names = [
        "annual_volatility", "bars", "cagr", "calmar", "commission_paid", "expectancy", "exposure", "fills", "final_equity",
        "max_drawdown", "max_drawdown_bars", "max_drawdown_days", "orders", "profit_factor", "rejections",
        "sharpe", "slippage_paid", "sortino", "total_return", "trades", "win_rate",
    ]

    /// (key, value) in `names` order.
    public var entries: [(String, Double?)] {
        let values: [Double?] = [
            annualVolatility, Double(bars), cagr, calmar, commissionPaid, expectancy, exposure, Double(fills), finalEquity,
            maxDrawdown, Double(maxDrawdownBars), maxDrawdownDays, Double(orders), profitFactor, Double(rejections),
            sharpe, slippagePaid, sortino, totalReturn, Double(trades), winRate,
        ]
        return Array(zip(Self.names, values))
    }
}
