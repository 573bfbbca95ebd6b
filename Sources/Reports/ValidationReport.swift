import Analysis
import Foundation
import Model

/// The report of a validation run: the split table with degradation, the stress table
/// against the baseline, the months and dates the scenarios used, equity and drawdown
/// charts, and (with a sweep grid) the sweep and walk-forward sections.
///
/// It renders validation.json plus the run id and the holdout count, which change with
/// every evaluation by design; so report files are not in the manifest.
public enum ValidationReport {
    struct Row: Sendable {
        var label: String
        var format: @Sendable (Double?) -> String
        var value: @Sendable (PerformanceMetrics) -> Double?
    }

    static let rows: [Row] = [
        Row(label: "total return", format: { NumberFormat.percent($0) }, value: { $0.totalReturn }),
        Row(label: "CAGR", format: { NumberFormat.percent($0) }, value: { $0.cagr }),
        Row(label: "Sharpe", format: NumberFormat.fixed, value: { $0.sharpe }),
        Row(label: "Sortino", format: NumberFormat.fixed, value: { $0.sortino }),
        Row(label: "max drawdown", format: { NumberFormat.percent($0, signed: false) }, value: { $0.maxDrawdown }),
        Row(label: "win rate", format: { NumberFormat.percent($0, signed: false) }, value: { $0.winRate }),
        Row(label: "profit factor", format: NumberFormat.fixed, value: { $0.profitFactor }),
        Row(label: "trades", format: NumberFormat.count, value: { Double($0.trades) }),
    ]

    public static func build(_ o: ValidationOutcome, runID: String) -> Report {
        var report = Report(title: "Validation: \(o.experiment)")
        report.add(.paragraph("Run \(runID). \(holdoutLine(o))"))
        report.add([.heading("Splits"),
                    .paragraph("Each split trades only inside its window and never reads a later bar; the bars before it only warm its indicators up. "
                        + "Δ is the split's value minus train's."),
                    .table(splitTable(o))])
        report.add([.heading("Stress scenarios"), .paragraph("Δ is the scenario's total return minus the baseline's."), .table(stressTable(o))])
        if !facts(o).isEmpty { report.add(.list(facts(o))) }
        report.add(.note("Month scenarios use calendar months (UTC) of the benchmark; a position open at a selected month's end is closed at the next bar's open."))
        report.add(charts(o))
        if let s = o.sweep {
            report.add([.heading("Sweep on train"), .list(SweepReport.verdicts(s)), .table(SweepReport.topTable(s)),
                        .note("Every combination is in sweep/results.csv.")])
            report.add(SweepReport.sensitivity(s))
        }
        if let w = o.walkForward { report.add(WalkForwardReport.section(w, heading: "Walk-forward")) }
        return report
    }

    static func charts(_ o: ValidationOutcome) -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        if let base = o.baseline.result {
            blocks += [.heading("Baseline equity and drawdown"),
                       .chart(.lines(LineChart(title: "Baseline equity", series: [.init(name: "equity", points: LineChart.points(base.times, base.equity))], height: 220))),
                       .chart(.lines(LineChart(title: "Baseline drawdown", series: [.init(name: "drawdown", points: LineChart.points(
                           base.times, LineChart.drawdown(base.equity, start: base.initialCapital)))], height: 140)))]
        }
        let splitLines = o.splits.compactMap { e in
            e.result.map { r in LineChart.Series(name: e.scenario.name, points: LineChart.points(r.times, r.equity.map { $0 / r.initialCapital })) }
        }
        if !splitLines.isEmpty {
            blocks += [.heading("Split equity (1 = the split's starting equity)"), .chart(.lines(LineChart(title: "Split equity", series: splitLines, height: 220)))]
        }
        let stressLines = ([o.baseline] + o.stress).compactMap { e in
            e.result.flatMap { r in e.scenario.spans == nil ? LineChart.Series(name: e.scenario.name, points: LineChart.points(r.times, r.equity)) : nil }
        }
        if stressLines.count > 1 {
            blocks += [.heading("Baseline against full-period stress scenarios"),
                       .chart(.lines(LineChart(title: "Stress equity", series: stressLines, height: 220)))]
        }
        return blocks
    }

    static func delta(_ row: Row, _ reference: PerformanceMetrics?, _ m: PerformanceMetrics?) -> String {
        guard let d = Degradation(reference: reference.flatMap(row.value), value: m.flatMap(row.value)).delta else { return "n/a" }
        if row.label == "trades" { return String(format: "%+d", Int(d)) }
        let text = row.format(d)
        return text.hasPrefix("+") || text.hasPrefix("-") ? text : "+" + text
    }

    static func splitTable(_ o: ValidationOutcome) -> ReportTable {
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
        return ReportTable(header: header, rows: [window] + body)
    }

    static func stressTable(_ o: ValidationOutcome) -> ReportTable {
        let header = ["scenario", "total return", "Δ vs baseline", "CAGR", "Sharpe", "max drawdown", "trades", "what"]
        let base = o.baseline.metrics
        let body = ([o.baseline] + o.stress).map { e -> [String] in
            guard let m = e.metrics else { return [e.scenario.name, "n/a", "n/a", "n/a", "n/a", "n/a", "0", e.scenario.summary + ": none, not run"] }
            return [e.scenario.name, NumberFormat.percent(m.totalReturn), e.scenario.kind == .baseline ? "" : delta(rows[0], base, m),
                    NumberFormat.percent(m.cagr), NumberFormat.fixed(m.sharpe), NumberFormat.percent(m.maxDrawdown, signed: false),
                    String(m.trades), e.scenario.summary]
        }
        return ReportTable(header: header, rows: body)
    }

    static func facts(_ o: ValidationOutcome) -> [String] {
        var lines: [String] = []
        for e in o.stress {
            if case .list(let months)? = e.scenario.facts["months"] {
                let text = months.compactMap { m -> String? in
                    guard case .map(let f) = m, case .string(let label)? = f["month"], case .number(let r)? = f["benchmark_return"] else { return nil }
                    return "\(label) (\(NumberFormat.percent(r)))"
                }
                lines.append("\(e.scenario.name): " + (text.isEmpty ? "none" : text.joined(separator: ", ")))
            }
            if case .list(let dates)? = e.scenario.facts["dates"] {
                lines.append("\(e.scenario.name) dates: " + dates.compactMap { if case .string(let s) = $0 { s } else { nil } }.joined(separator: ", "))
            }
        }
        return lines
    }

    static func holdoutLine(_ o: ValidationOutcome) -> String {
        o.evaluatesHoldout
            ? "The holdout has been evaluated \(o.holdoutEvaluations) time\(o.holdoutEvaluations == 1 ? "" : "s") (this run included; "
                + "ledger: artifacts/\(o.experiment)/holdout-ledger.jsonl). Each look makes it less of a holdout."
            : "No holdout split is configured."
    }

    /// What `quantbt validate` prints on a terminal: the two tables and where the reports are.
    public static func summary(_ o: ValidationOutcome) -> String {
        var lines = ["\(o.experiment): validation (\(o.entries.count) backtests)", "splits:"]
        lines += TerminalTable.lines(splitTable(o))
        lines.append("stress (vs baseline):")
        let stress = stressTable(o)
        lines += TerminalTable.lines(stress, columns: stress.header.count - 1)
        if let sweep = o.sweep { lines += ["sweep on train (\(sweep.rows.count) combinations):"] + SweepReport.verdicts(sweep).map { "  " + $0 } }
        if let walkForward = o.walkForward { lines += ["walk-forward:"] + WalkForwardReport.summaryLines(walkForward).map { "  " + $0 } }
        lines.append(holdoutLine(o))
        lines.append("report: \(o.runDirectory)/report.html (and report.md)")
        return lines.joined(separator: "\n")
    }
}
