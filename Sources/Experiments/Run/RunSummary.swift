import Analysis
import Foundation
import Model

/// The short table a run prints on a terminal.
public enum RunSummary {
    public static func text(_ o: RunOutcome) -> String {
        let m = o.metrics, r = o.result
        let first = Timestamp(milliseconds: r.times.first ?? 0).dateString
        let last = Timestamp(milliseconds: r.times.last ?? 0).dateString
        var lines = ["\(o.config.name): \(r.symbols.joined(separator: ", ")), \(grouped(r.barsProcessed)) bars, \(first) to \(last)"]
        let rows: [(String, String, String, String)] = [
            ("total return", percent(m.totalReturn), "CAGR", percent(m.cagr)),
            ("sharpe", fixed(m.sharpe), "sortino", fixed(m.sortino)),
            ("max drawdown", percent(-m.maxDrawdown), "longest drawdown", String(format: "%.1f days", m.maxDrawdownDays)),
            ("volatility", percent(m.annualVolatility), "exposure", percent(m.exposure)),
            ("trades", grouped(m.trades), "win rate", percent(m.winRate)),
            ("profit factor", fixed(m.profitFactor), "expectancy", fixed(m.expectancy)),
            ("final equity", fixed(m.finalEquity), "commission", fixed(m.commissionPaid)),
            ("fills", grouped(m.fills), "risk rejections", grouped(m.rejections)),
        ]
        for (a, av, b, bv) in rows {
            lines.append("  " + pad(a, 14) + padLeft(av, 12) + "    " + pad(b, 17) + padLeft(bv, 12))
        }
        if !r.riskEvents.isEmpty {
            let trips = r.riskEvents.filter { $0.action == .tripped || $0.action == .forcedExit }
            lines.append("  risk events: \(grouped(r.riskEvents.count)) (\(grouped(trips.count)) trips or forced exits; see risk_events.csv)")
        }
        let issues = o.dataReport.issueCount
        lines.append("  data checks: " + (issues == 0 ? "all \(grouped(o.dataReport.rowsRead)) rows passed"
            : "\(issues) rows flagged (\(ExperimentRunner.describeCounts(o.dataReport)))"))
        lines.append("artifacts: \(o.runDirectory)/")
        return lines.joined(separator: "\n")
    }

    static func percent(_ x: Double?) -> String {
        guard let x else { return "n/a" }
        return String(format: "%+.2f %%", x * 100)
    }

    static func fixed(_ x: Double?) -> String {
        guard let x else { return "n/a" }
        return String(format: "%.2f", x)
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    static func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
    static func padLeft(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
}
