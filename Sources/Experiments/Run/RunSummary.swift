import Analysis
import Foundation
import Model
import Reports

/// The short table a run prints on a terminal.
public enum RunSummary {
    public static func text(_ o: RunOutcome) -> String {
        let m = o.metrics, r = o.result
        let first = Timestamp(milliseconds: r.times.first ?? 0).dateString
        let last = Timestamp(milliseconds: r.times.last ?? 0).dateString
        var lines = ["\(o.config.name): \(r.symbols.joined(separator: ", ")), \(NumberFormat.grouped(r.barsProcessed)) bars, \(first) to \(last)"]
        let rows: [(String, String, String, String)] = [
            ("total return", percent(m.totalReturn), "CAGR", percent(m.cagr)),
            ("sharpe", NumberFormat.fixed(m.sharpe), "sortino", NumberFormat.fixed(m.sortino)),
            ("max drawdown", percent(-m.maxDrawdown), "longest drawdown", String(format: "%.1f days", m.maxDrawdownDays)),
            ("volatility", percent(m.annualVolatility), "exposure", percent(m.exposure)),
            ("trades", NumberFormat.grouped(m.trades), "win rate", percent(m.winRate)),
            ("profit factor", NumberFormat.fixed(m.profitFactor), "expectancy", NumberFormat.fixed(m.expectancy)),
            ("final equity", NumberFormat.fixed(m.finalEquity), "commission", NumberFormat.fixed(m.commissionPaid)),
            ("fills", NumberFormat.grouped(m.fills), "risk rejections", NumberFormat.grouped(m.rejections)),
        ]
        for (a, av, b, bv) in rows {
            lines.append("  " + TerminalTable.pad(a, 14) + TerminalTable.padLeft(av, 12) + "    " + TerminalTable.pad(b, 17) + TerminalTable.padLeft(bv, 12))
        }
        if !r.riskEvents.isEmpty {
            let trips = r.riskEvents.filter { $0.action == .tripped || $0.action == .forcedExit }
            lines.append("  risk events: \(NumberFormat.grouped(r.riskEvents.count)) (\(NumberFormat.grouped(trips.count)) trips or forced exits; see risk_events.csv)")
        }
        let issues = o.dataReport.issueCount
        lines.append("  data checks: " + (issues == 0 ? "all \(NumberFormat.grouped(o.dataReport.rowsRead)) rows passed"
            : "\(issues) rows flagged (\(ExperimentRunner.describeCounts(o.dataReport)))"))
        lines.append("artifacts: \(o.runDirectory)/")
        return lines.joined(separator: "\n")
    }

    static func percent(_ x: Double?) -> String { NumberFormat.percent(x, spaced: true) }
}
