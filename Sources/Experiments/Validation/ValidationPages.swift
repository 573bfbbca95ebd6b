import Analysis
import Foundation
import Model

/// report.md and report.html of a validation run: the split table with degradation, the
/// stress table against the baseline, the months and dates the scenarios used, and (HTML)
/// equity and drawdown charts as inline SVG. One self-contained file each, no network.
///
/// Both are renderings of validation.json plus the run id and the holdout count, which
/// change with every evaluation by design; so they are not in the manifest.
enum ValidationPages {
    struct Row: Sendable {
        var label: String
        var format: @Sendable (Double?) -> String
        var value: @Sendable (PerformanceMetrics) -> Double?
    }

    static let rows: [Row] = [
        Row(label: "total return", format: percent, value: { $0.totalReturn }),
        Row(label: "CAGR", format: percent, value: { $0.cagr }),
        Row(label: "Sharpe", format: ratio, value: { $0.sharpe }),
        Row(label: "Sortino", format: ratio, value: { $0.sortino }),
        Row(label: "max drawdown", format: unsigned, value: { $0.maxDrawdown }),
        Row(label: "win rate", format: unsigned, value: { $0.winRate }),
        Row(label: "profit factor", format: ratio, value: { $0.profitFactor }),
        Row(label: "trades", format: count, value: { Double($0.trades) }),
    ]

    static func percent(_ x: Double?) -> String { x.map { String(format: "%+.2f%%", $0 * 100) } ?? "n/a" }
    static func unsigned(_ x: Double?) -> String { x.map { String(format: "%.2f%%", $0 * 100) } ?? "n/a" }
    static func ratio(_ x: Double?) -> String { x.map { String(format: "%.2f", $0) } ?? "n/a" }
    static func count(_ x: Double?) -> String { x.map { String(Int($0)) } ?? "n/a" }
    static func delta(_ row: Row, _ reference: PerformanceMetrics?, _ m: PerformanceMetrics?) -> String {
        guard let d = Degradation(reference: reference.flatMap(row.value), value: m.flatMap(row.value)).delta else { return "n/a" }
        return row.label == "trades" ? String(format: "%+d", Int(d)) : (row.format(d).hasPrefix("+") || row.format(d).hasPrefix("-") ? row.format(d) : "+" + row.format(d))
    }

    /// The tables, as (header, rows) of plain strings, shared by both formats.
    static func splitTable(_ o: ValidationOutcome) -> (header: [String], rows: [[String]]) {
        let train = o.splits.first { $0.scenario.name == "train" }?.metrics
        var header = ["metric"]
        for s in o.splits {
            header.append(s.scenario.name)
            if s.scenario.name != "train" { header.append("Δ vs train") }
        }
        let body = rows.map { row -> [String] in
            var line = [row.label]
            for s in o.splits {
                line.append(s.metrics.map { row.format(row.value($0)) } ?? "n/a")
                if s.scenario.name != "train" { line.append(delta(row, train, s.metrics)) }
            }
            return line
        }
        let window = ["window"] + o.splits.flatMap { s in s.scenario.name == "train" ? [s.scenario.summary] : [s.scenario.summary, ""] }
        return (header, [window] + body)
    }

    static func stressTable(_ o: ValidationOutcome) -> (header: [String], rows: [[String]]) {
        let header = ["scenario", "total return", "Δ vs baseline", "CAGR", "Sharpe", "max drawdown", "trades", "what"]
        let base = o.baseline.metrics
        let entries = [o.baseline] + o.stress
        let body = entries.map { e -> [String] in
            guard let m = e.metrics else { return [e.scenario.name, "n/a", "n/a", "n/a", "n/a", "n/a", "0", e.scenario.summary + ": none, not run"] }
            return [e.scenario.name, percent(m.totalReturn), e.scenario.kind == .baseline ? "" : delta(rows[0], base, m), percent(m.cagr),
                    ratio(m.sharpe), unsigned(m.maxDrawdown), String(m.trades), e.scenario.summary]
        }
        return (header, body)
    }

    static func facts(_ o: ValidationOutcome) -> [String] {
        var lines: [String] = []
        for e in o.stress {
            if case .list(let months)? = e.scenario.facts["months"] {
                let text = months.compactMap { m -> String? in
                    guard case .map(let f) = m, case .string(let label)? = f["month"], case .number(let r)? = f["benchmark_return"] else { return nil }
                    return "\(label) (\(percent(r)))"
                }
                lines.append("\(e.scenario.name): " + (text.isEmpty ? "none" : text.joined(separator: ", ")))
            }
            if case .list(let dates)? = e.scenario.facts["dates"] {
                let text = dates.compactMap { if case .string(let s) = $0 { s } else { nil } }
                lines.append("\(e.scenario.name) dates: " + text.joined(separator: ", "))
            }
        }
        return lines
    }

    static func holdoutLine(_ o: ValidationOutcome) -> String {
        o.config.validation.splits.contains { $0.name == "holdout" }
            ? "The holdout has been evaluated \(o.holdoutEvaluations) time\(o.holdoutEvaluations == 1 ? "" : "s") (this run included; "
                + "ledger: artifacts/\(o.config.name)/holdout-ledger.jsonl). Each look makes it less of a holdout."
            : "No holdout split is configured."
    }

    static func markdown(_ o: ValidationOutcome, runID: String) -> String {
        """
        # Validation: \(o.config.name)

        Run \(runID). \(holdoutLine(o))

        ## Splits

        Each split trades only inside its window and never reads a later bar; the bars before it only warm its indicators up. Δ is the split's value minus train's.

        \(ReportPage.markdownTable(splitTable(o)))

        ## Stress scenarios

        Δ is the scenario's total return minus the baseline's.

        \(ReportPage.markdownTable(stressTable(o)))

        \(facts(o).map { "- " + $0 }.joined(separator: "\n"))

        Month scenarios use calendar months (UTC) of the benchmark; a position open at a selected month's end is closed at the next bar's open. Charts are in report.html.
        \(optimizationMarkdown(o))
        """
    }

    /// The sweep and walk-forward sections, when the experiment has a sweep grid.
    static func optimizationMarkdown(_ o: ValidationOutcome) -> String {
        var text = ""
        if let s = o.sweep {
            text += "\n## Sweep on train\n\n" + SweepPages.verdicts(s).map { "- " + $0 }.joined(separator: "\n") + "\n\n"
                + ReportPage.markdownTable(SweepPages.topTable(s)) + "\n\nEvery combination is in sweep/results.csv; the heatmaps are in report.html.\n"
        }
        if let w = o.walkForward {
            text += "\n## Walk-forward\n\n" + WalkForwardPages.summaryLines(w).map { "- " + $0 }.joined(separator: "\n") + "\n\n"
                + ReportPage.markdownTable(WalkForwardPages.table(w)) + "\n"
        }
        return text
    }

    static func optimizationHTML(_ o: ValidationOutcome) -> String {
        var html = ""
        if let s = o.sweep {
            html += "<h2>Sweep on train</h2>" + ReportPage.htmlList(SweepPages.verdicts(s)) + ReportPage.htmlTable(SweepPages.topTable(s))
                + "<p>Each heatmap cell is the best \(ReportPage.escape(s.objective)) on train over the other swept keys; darker red is better.</p>"
                + s.sensitivity.heatmaps.map { SweepPages.heatmap($0, s) }.joined()
        }
        if let w = o.walkForward {
            html += "<h2>Walk-forward</h2>" + ReportPage.htmlList(WalkForwardPages.summaryLines(w)) + ReportPage.htmlTable(WalkForwardPages.table(w))
                + SVGChart.lines([("stitched out-of-sample equity", SVGChart.points(w.stitched.map(\.0), w.stitched.map(\.1)))], height: 220)
        }
        return html
    }

    static func html(_ o: ValidationOutcome, runID: String) -> String {
        var charts = ""
        if let base = o.baseline.result {
            charts += "<h2>Baseline equity and drawdown</h2>" + SVGChart.lines([("equity", SVGChart.points(base.times, base.equity))], height: 220)
            charts += SVGChart.lines([("drawdown", SVGChart.points(base.times, SVGChart.drawdown(base.equity, start: base.initialCapital)))], height: 140)
        }
        let splitLines = o.splits.compactMap { e in e.result.map { r in (e.scenario.name, SVGChart.points(r.times, r.equity.map { $0 / r.initialCapital })) } }
        if !splitLines.isEmpty { charts += "<h2>Split equity (1 = the split's starting equity)</h2>" + SVGChart.lines(splitLines, height: 220) }
        let stressLines = ([o.baseline] + o.stress).compactMap { e in
            e.result.flatMap { r in e.scenario.spans == nil ? (e.scenario.name, SVGChart.points(r.times, r.equity)) : nil }
        }
        if stressLines.count > 1 { charts += "<h2>Baseline against full-period stress scenarios</h2>" + SVGChart.lines(stressLines, height: 220) }
        let body = "<p>Run \(ReportPage.escape(runID)). \(ReportPage.escape(holdoutLine(o)))</p>"
            + "<h2>Splits</h2><p>Each split trades only inside its window and never reads a later bar; the bars before it only warm its indicators up. "
            + "Δ is the split's value minus train's.</p>" + ReportPage.htmlTable(splitTable(o))
            + "<h2>Stress scenarios</h2>" + ReportPage.htmlTable(stressTable(o)) + ReportPage.htmlList(facts(o)) + charts + optimizationHTML(o)
        return ReportPage.html(title: "Validation: \(o.config.name)", body: body)
    }
}
