import Analysis
import Foundation
import Model

/// What a validation page shows, as the run's files hold it: validation.json (the tables,
/// and the scenarios in configured order with their folders), each scenario's
/// breakdowns.json, the baseline's tearsheet files, the sweep's and walk-forward's files,
/// and provenance.json's holdout count. The run builds its page from the files it wrote,
/// `quantbt report` from the same files; the two pages are the same.
public struct ValidationPageInput: Sendable {
    public var experiment: String
    public var runID: String
    /// validation.json.
    public var validation: CanonicalValue
    /// provenance.json's `holdout_evaluations` (nil: no holdout split).
    public var holdoutEvaluations: Int?
    /// Each scenario's breakdowns.json, by scenario name.
    public var breakdowns: [String: CanonicalValue]
    /// The baseline's metrics.json, breakdowns.json and trades: its charts, trades and tables.
    public var baseline: TearsheetInput?
    public var sweep: SweepOutcome?
    public var walkForward: WalkForwardPageInput?

    public init(experiment: String, runID: String, validation: CanonicalValue, holdoutEvaluations: Int?,
                breakdowns: [String: CanonicalValue] = [:], baseline: TearsheetInput? = nil, sweep: SweepOutcome? = nil,
                walkForward: WalkForwardPageInput? = nil) {
        (self.experiment, self.runID, self.validation, self.holdoutEvaluations) = (experiment, runID, validation, holdoutEvaluations)
        (self.breakdowns, self.baseline, self.sweep, self.walkForward) = (breakdowns, baseline, sweep, walkForward)
    }

    /// One scenario as validation.json's `scenarios` lists it, in configured order.
    struct Scenario {
        var name: String
        var kind: String
        var summary: String
        var fullPeriod: Bool
        var metrics: CanonicalValue?
        var facts: CanonicalValue?
    }

    var scenarios: [Scenario] {
        (validation["scenarios"]?.items ?? []).map { s in
            let name = s["name"]?.string ?? "?", kind = s["kind"]?.string ?? "?"
            let entry: CanonicalValue? = switch kind {
            case "baseline": .map(["metrics": validation["baseline"] ?? .null])
            case "split": validation["splits"]?[name]
            default: validation["stress"]?[name]
            }
            let metrics = entry?["metrics"].flatMap { $0 == .null ? nil : $0 }
            return Scenario(name: name, kind: kind, summary: s["summary"]?.string ?? "", fullPeriod: s["full_period"] == .bool(true),
                            metrics: metrics, facts: entry?["facts"])
        }
    }
}

/// The report of a validation run: the split table with degradation, the stress table
/// against the baseline, the months and dates the scenarios used, the baseline's tearsheet
/// charts, split and stress equity, and (with a sweep grid) the sweep and walk-forward
/// sections. It shows the run id and the holdout count, which change with every evaluation
/// by design; so report files are not in the manifest.
public enum ValidationReport {
    struct Row: Sendable {
        var label: String
        var key: String
        var format: @Sendable (Double?) -> String
    }

    static let rows: [Row] = [
        Row(label: "total return", key: "total_return", format: { NumberFormat.percent($0) }),
        Row(label: "CAGR", key: "cagr", format: { NumberFormat.percent($0) }),
        Row(label: "Sharpe", key: "sharpe", format: NumberFormat.fixed),
        Row(label: "Sortino", key: "sortino", format: NumberFormat.fixed),
        Row(label: "max drawdown", key: "max_drawdown", format: { NumberFormat.percent($0, signed: false) }),
        Row(label: "win rate", key: "win_rate", format: { NumberFormat.percent($0, signed: false) }),
        Row(label: "profit factor", key: "profit_factor", format: NumberFormat.fixed),
        Row(label: "trades", key: "trades", format: NumberFormat.count),
    ]

    public static func build(_ input: ValidationPageInput) -> Report {
        var report = Report(title: "Validation: \(input.experiment)")
        report.add(.paragraph("Run \(input.runID). \(holdoutLine(input))"))
        report.add([.heading("Splits"),
                    .paragraph("Each split trades only inside its window and never reads a later bar; the bars before it only warm its indicators up. "
                        + "Δ is the split's value minus train's."),
                    .table(splitTable(input))])
        report.add([.heading("Stress scenarios"), .paragraph("Δ is the scenario's total return minus the baseline's."), .table(stressTable(input))])
        if !facts(input).isEmpty { report.add(.list(facts(input))) }
        report.add(.note("Month scenarios use calendar months (UTC) of the benchmark; a position open at a selected month's end is closed at the next bar's open."))
        report.add(charts(input))
        if let s = input.sweep {
            report.add([.heading("Sweep on train"), .list(SweepReport.verdicts(s)), .table(SweepReport.topTable(s)),
                        .note("Every combination is in sweep/results.csv.")])
            report.add(SweepReport.sensitivity(s))
        }
        if let w = input.walkForward { report.add(WalkForwardReport.section(w, heading: "Walk-forward")) }
        return report
    }

    /// The baseline's tearsheet charts, trades and tables, then split and stress equity, all
    /// from breakdowns.json (every bar, thinned with the extremes kept).
    static func charts(_ input: ValidationPageInput) -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        if let base = input.baseline {
            blocks += [.heading("Baseline"), .paragraph("The whole period as one backtest: the tearsheet of baseline/.")]
            blocks += Tearsheet.charts(base) + Tearsheet.trades(base) + Tearsheet.tables(base)
        }
        func curve(_ name: String, normalized: Bool) -> LineChart.Series? {
            guard let points = input.breakdowns[name]?["charts"]?["points"]?.items, let first = points.first?["equity"]?.double, first > 0 else { return nil }
            return LineChart.Series(name: name, points: points.compactMap { p in
                guard let t = Timestamp.parse(p["time"]?.string ?? ""), let e = p["equity"]?.double else { return nil }
                return (t.milliseconds, normalized ? e / first : e)
            })
        }
        let scenarios = input.scenarios
        let splitLines = scenarios.filter { $0.kind == "split" }.compactMap { curve($0.name, normalized: true) }
        if !splitLines.isEmpty {
            blocks += [.heading("Split equity (each split starts at 1)"), .chart(.lines(LineChart(title: "Split equity", series: splitLines, height: 220)))]
        }
        let stressLines = scenarios.filter { $0.kind != "split" && $0.fullPeriod }.compactMap { curve($0.name, normalized: false) }
        if stressLines.count > 1 {
            blocks += [.heading("Baseline against full-period stress scenarios"),
                       .chart(.lines(LineChart(title: "Stress equity", series: stressLines, height: 220)))]
        }
        return blocks
    }

    static func value(_ row: Row, _ m: CanonicalValue?) -> Double? { m?[row.key]?.double }

    static func delta(_ row: Row, _ reference: CanonicalValue?, _ m: CanonicalValue?) -> String {
        guard let d = Degradation(reference: value(row, reference), value: value(row, m)).delta else { return "n/a" }
        if row.key == "trades" { return String(format: "%+d", Int(d)) }
        let text = row.format(d)
        return text.hasPrefix("+") || text.hasPrefix("-") ? text : "+" + text
    }

    static func splitTable(_ input: ValidationPageInput) -> ReportTable {
        let splits = input.scenarios.filter { $0.kind == "split" }
        let train = splits.first { $0.name == "train" }?.metrics
        var header = ["metric"]
        for s in splits {
            header.append(s.name)
            if s.name != "train" { header.append("Δ vs train") }
        }
        let body = rows.map { row -> [String] in
            var line = [row.label]
            for s in splits {
                line.append(s.metrics.map { row.format(value(row, $0)) } ?? "n/a")
                if s.name != "train" { line.append(delta(row, train, s.metrics)) }
            }
            return line
        }
        let window = ["window"] + splits.flatMap { s in s.name == "train" ? [s.summary] : [s.summary, ""] }
        return ReportTable(header: header, rows: [window] + body)
    }

    static func stressTable(_ input: ValidationPageInput) -> ReportTable {
        let header = ["scenario", "total return", "Δ vs baseline", "CAGR", "Sharpe", "max drawdown", "trades", "what"]
        let all = input.scenarios.filter { $0.kind != "split" }
        let base = all.first { $0.kind == "baseline" }?.metrics
        let body = all.map { e -> [String] in
            guard let m = e.metrics else { return [e.name, "n/a", "n/a", "n/a", "n/a", "n/a", "0", e.summary + ": none, not run"] }
            return [e.name, NumberFormat.percent(m["total_return"]?.double), e.kind == "baseline" ? "" : delta(rows[0], base, m),
                    NumberFormat.percent(m["cagr"]?.double), NumberFormat.fixed(m["sharpe"]?.double),
                    NumberFormat.percent(m["max_drawdown"]?.double, signed: false), m["trades"]?.double.map { String(Int($0)) } ?? "?", e.summary]
        }
        return ReportTable(header: header, rows: body)
    }

    static func facts(_ input: ValidationPageInput) -> [String] {
        var lines: [String] = []
        for e in input.scenarios where e.kind == "stress" {
            if let months = e.facts?["months"], case .list(let items) = months {
                let text = items.compactMap { m -> String? in
                    guard let label = m["month"]?.string, let r = m["benchmark_return"]?.double else { return nil }
                    return "\(label) (\(NumberFormat.percent(r)))"
                }
                lines.append("\(e.name): " + (text.isEmpty ? "none" : text.joined(separator: ", ")))
            }
            if let dates = e.facts?["dates"], case .list(let items) = dates {
                lines.append("\(e.name) dates: " + items.compactMap(\.string).joined(separator: ", "))
            }
        }
        return lines
    }

    static func holdoutLine(_ input: ValidationPageInput) -> String {
        guard let n = input.holdoutEvaluations else { return "No holdout split is configured." }
        return "The holdout has been evaluated \(n) time\(n == 1 ? "" : "s") (this run included; "
            + "ledger: artifacts/\(input.experiment)/holdout-ledger.jsonl). Each look makes it less of a holdout."
    }

    /// What `quantbt validate` prints on a terminal: the two tables and where the reports are.
    public static func summary(_ o: ValidationOutcome) -> String {
        let input = ValidationPageInput(experiment: o.experiment, runID: "", validation: o.document,
                                        holdoutEvaluations: o.evaluatesHoldout ? o.holdoutEvaluations : nil)
        var lines = ["\(o.experiment): validation (\(o.entries.count) backtests)", "splits:"]
        lines += TerminalTable.lines(splitTable(input))
        lines.append("stress (vs baseline):")
        let stress = stressTable(input)
        lines += TerminalTable.lines(stress, columns: stress.header.count - 1)
        if let sweep = o.sweep { lines += ["sweep on train (\(sweep.rows.count) combinations):"] + SweepReport.verdicts(sweep).map { "  " + $0 } }
        if let w = o.walkForward {
            let page = WalkForwardPageInput(experiment: o.experiment, runID: "", document: w.document, stitched: w.stitched)
            lines += ["walk-forward:"] + WalkForwardReport.summaryLines(page).map { "  " + $0 }
        }
        lines.append(holdoutLine(input))
        lines.append("report: \(o.runDirectory)/report.html (and report.md)")
        return lines.joined(separator: "\n")
    }
}
