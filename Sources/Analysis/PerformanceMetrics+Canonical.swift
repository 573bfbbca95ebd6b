import Model

extension PerformanceMetrics {
    /// The metrics as a canonical map: counts as whole numbers, undefined values as null.
    package var canonical: CanonicalValue {
        var map: [String: CanonicalValue] = [:]
        for (key, value) in entries {
            if let value, PerformanceMetrics.countKeys.contains(key) { map[key] = .int(Int(value)) } else { map[key] = .optional(value) }
        }
        return .map(map)
    }
}

extension PerformanceMetrics {
    /// Metrics read back by key (from metrics.json's map or a results.csv row); a key
    /// `value` does not know is 0, or nil where the metric may be undefined.
    package init(value: (String) -> Double?) {
        func count(_ key: String) -> Int { value(key).map { Int($0) } ?? 0 }
        self.init(totalReturn: value("total_return") ?? 0, cagr: value("cagr"), annualVolatility: value("annual_volatility"),
                  sharpe: value("sharpe"), sortino: value("sortino"), calmar: value("calmar"), maxDrawdown: value("max_drawdown") ?? 0,
                  maxDrawdownBars: count("max_drawdown_bars"), maxDrawdownDays: value("max_drawdown_days") ?? 0, winRate: value("win_rate"),
                  profitFactor: value("profit_factor"), expectancy: value("expectancy"), trades: count("trades"),
                  exposure: value("exposure") ?? 0, finalEquity: value("final_equity") ?? 0, fills: count("fills"), orders: count("orders"),
                  rejections: count("rejections"), commissionPaid: value("commission_paid") ?? 0, slippagePaid: value("slippage_paid") ?? 0,
                  bars: count("bars"), periodsPerYear: 0)
    }

    /// metrics.json's `metrics` map read back.
    package init(canonical map: CanonicalValue) {
        self.init { map[$0]?.double }
    }
}
