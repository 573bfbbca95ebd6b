import Analysis
import Model

/// The report of a plain run (report.html, report.md): headline metrics, equity against a
/// buy-and-hold benchmark, drawdown, monthly and yearly returns, rolling Sharpe, trades,
/// the tables of breakdowns.json, the risk manager's refusals and the run's provenance.
/// Every number comes from a hashed file (metrics.json, breakdowns.json, trades.csv) or
/// provenance.json.
public enum Tearsheet {
    /// The section headings, in order: what a reader (and the browser check) navigates by.
    public static let sections = ["Summary", "Equity", "Drawdown", "Monthly returns", "Yearly returns", "Rolling Sharpe", "Trades",
                                  "By symbol", "By period", "By tag", "Worst drawdowns", "Risk", "Provenance"]

    /// How a Summary value is shown.
    public enum Format: Sendable { case percent, unsignedPercent, ratio, money, days, count }

    /// The Summary table: label, metrics.json key, format. A test reads every row back
    /// against metrics.json.
    public static let summaryRows: [(label: String, key: String, format: Format)] = [
        ("Total return", "total_return", .percent), ("CAGR", "cagr", .percent), ("Sharpe", "sharpe", .ratio),
        ("Sortino", "sortino", .ratio), ("Calmar", "calmar", .ratio), ("Annual volatility", "annual_volatility", .unsignedPercent),
        ("Max drawdown (fall from peak)", "max_drawdown", .unsignedPercent), ("Longest drawdown (days)", "max_drawdown_days", .days),
        ("Trades", "trades", .count), ("Win rate", "win_rate", .unsignedPercent), ("Profit factor", "profit_factor", .ratio),
        ("Expectancy (per trade)", "expectancy", .money), ("Exposure", "exposure", .unsignedPercent), ("Final equity", "final_equity", .money),
        ("Commission paid", "commission_paid", .money), ("Slippage paid", "slippage_paid", .money), ("Fills", "fills", .count),
        ("Orders", "orders", .count), ("Risk rejections", "rejections", .count), ("Bars", "bars", .count),
    ]

    public static func format(_ value: Double?, _ format: Format) -> String {
        guard let value else { return "n/a" }
        switch format {
        case .percent: return NumberFormat.percent(value)
        case .unsignedPercent: return NumberFormat.percent(value, signed: false)
        case .ratio: return NumberFormat.precise(value)
        case .money: return NumberFormat.fixed(value)
        case .days: return String(format: "%.1f", value)
        case .count: return NumberFormat.grouped(Int(value))
        }
    }

    public static func build(_ input: TearsheetInput) -> Report {
        var report = draft(input)
        report.add(provenance(input))
        return report
    }

    /// Every section but the last, Provenance: all that a run can render before its
    /// manifest's hash is known (`RenderedReport` finishes it with `provenance`).
    public static func draft(_ input: TearsheetInput) -> Report {
        var report = Report(title: "\(input.experiment): run \(input.runID)")
        report.add(summary(input))
        report.add(charts(input))
        report.add(trades(input))
        report.add(tables(input))
        report.add(risk(input))
        return report
    }

    static func summary(_ input: TearsheetInput) -> [ReportBlock] {
        let m = input.metrics["metrics"], c = input.metrics["conventions"], data = input.metrics["data"]
        var blocks: [ReportBlock] = [.heading("Summary")]
        let symbols = data?["symbols"]?.items.compactMap(\.string) ?? []
        blocks.append(.paragraph("\(symbols.joined(separator: ", ")), \(data?["first_bar"]?.string ?? "?") to \(data?["last_bar"]?.string ?? "?")"))
        blocks.append(.keyValues(summaryRows.map { ($0.label, format(m?[$0.key]?.double, $0.format)) }))
        if let b = input.breakdowns["benchmark"], b != .null {
            let name = b["symbol"]?.string ?? "?"
            blocks.append(.keyValues([
                ("Benchmark", "\(name), buy and hold"), ("Benchmark return", NumberFormat.percent(b["total_return"]?.double)),
                ("Benchmark Sharpe", NumberFormat.precise(b["sharpe"]?.double)),
                ("Benchmark max drawdown", NumberFormat.percent(b["max_drawdown"]?.double, signed: false)),
                ("Excess return", NumberFormat.percent(b["excess_return"]?.double)), ("Beta", NumberFormat.precise(b["beta"]?.double)),
                ("Correlation", NumberFormat.precise(b["correlation"]?.double)),
            ]))
        }
        let ppy = c?["periods_per_year"]?.double.map { NumberFormat.plain($0) } ?? "?"
        blocks.append(.note("Conventions: \(ppy) periods a year (\(c?["periods_per_year_source"]?.string ?? "?")), risk-free rate "
            + "\(c?["risk_free_rate"]?.double.map { NumberFormat.plainPercent($0) } ?? "?"). Returns: \(c?["returns"]?.string ?? "?"). "
            + "Sharpe: \(c?["sharpe"]?.string ?? "?"). Sortino: \(c?["sortino"]?.string ?? "?"). CAGR: \(c?["cagr"]?.string ?? "?"). "
            + "Drawdown: \(c?["drawdown"]?.string ?? "?"). Trades: \(c?["trades"]?.string ?? "?")."))
        return blocks
    }
}
