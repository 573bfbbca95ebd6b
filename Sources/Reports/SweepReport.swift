import Analysis
import Foundation

/// The report of a sweep: the best combination and how it did on validation, the
/// sensitivity verdicts, the top combinations, and a heatmap per pair of swept keys.
public enum SweepReport {
    public static func build(_ o: SweepOutcome, runID: String) -> Report {
        var report = Report(title: "Sweep: \(o.experiment)")
        report.add(.paragraph("Run \(runID): \(o.rows.count) combinations of \(o.grid.axes.map { "\($0.key) (\($0.values.count))" }.joined(separator: " x ")), "
            + "optimized on the train split by \(o.objective.rawValue). The holdout is never read."))
        report.add(.list(verdicts(o)))
        report.add([.heading("Ten best on train"), .table(topTable(o)), .note("Every combination is in results.csv.")])
        report.add(sensitivity(o))
        return report
    }

    /// The heatmap section (validate's report shows it too).
    static func sensitivity(_ o: SweepOutcome) -> [ReportBlock] {
        [.heading("Sensitivity: \(o.objective.rawValue) on train"),
         .paragraph("Each cell is the best \(o.objective.rawValue) over the other swept keys; darker red is better, blue worse, grey undefined.")]
            + o.sensitivity.heatmaps.map { .chart(.heatmap(heatmap($0, o))) }
    }

    /// What `quantbt sweep` prints on a terminal.
    public static func summary(_ o: SweepOutcome) -> String {
        (["\(o.experiment): sweep of \(o.rows.count) combinations on the train split"] + verdicts(o) + ["ten best on train:"]
            + TerminalTable.lines(topTable(o)) + ["results: \(o.runDirectory)/results.csv; report: \(o.runDirectory)/report.html"]).joined(separator: "\n")
    }

    static func objectiveText(_ o: SweepOutcome, _ x: Double?) -> String {
        o.objective.isFraction ? NumberFormat.percent(x, signed: false) : NumberFormat.precise(x)
    }

    static func params(_ o: SweepOutcome, _ i: Int) -> String {
        zip(o.grid.axes, o.rows[i].values).map { "\($0.key)=\($1)" }.joined(separator: " ")
    }

    static func verdicts(_ o: SweepOutcome) -> [String] {
        guard let best = o.sensitivity.best else { return ["No combination has a defined \(o.objective.rawValue) on train."] }
        let r = o.rows[best], plan = o.plan
        let stable = o.sensitivity.stable
        return [
            "Best on train by \(o.objective.rawValue): \(params(o, best)) (\(objectiveText(o, o.objective.value(r.train))) on train"
                + (r.validation.map { ", \(objectiveText(o, o.objective.value($0))) on validation" } ?? "") + ").",
            o.sensitivity.isSharpPeak
                ? "Sharp peak: every neighbour of the best is more than \(Int(plan.peakDrop * 100))% worse; the best is likely luck, not an edge."
                : "Not a sharp peak: at least one neighbour of the best is within \(Int(plan.peakDrop * 100))% of it.",
            stable.isEmpty
                ? "No stable neighbourhood: no combination has every neighbour within \(Int(plan.stableWithin * 100))% of the best."
                : "Stable neighbourhood (\(stable.count) combination\(stable.count == 1 ? "" : "s") with every neighbour within \(Int(plan.stableWithin * 100))% of the best): "
                    + stable.prefix(10).map { params(o, $0) }.joined(separator: "; ") + (stable.count > 10 ? "; ..." : "") + ".",
        ]
    }

    /// The ten best combinations on train.
    static func top(_ o: SweepOutcome) -> [Int] {
        let sign = o.objective.maximizes ? 1.0 : -1.0
        return o.rows.indices.filter { o.objective.value(o.rows[$0].train) != nil }
            .sorted { sign * o.objective.value(o.rows[$0].train)! > sign * o.objective.value(o.rows[$1].train)! }
            .prefix(10).map { $0 }
    }

    static func topTable(_ o: SweepOutcome) -> ReportTable {
        let key = o.objective.rawValue
        let header = o.grid.axes.map(\.key) + ["\(key) (train)", "\(key) (validation)", "return (train)", "trades (train)"]
        let rows = top(o).map { i -> [String] in
            let r = o.rows[i]
            return r.values + [objectiveText(o, o.objective.value(r.train)), objectiveText(o, o.objective.value(r.validation)),
                               NumberFormat.percent(r.train.totalReturn), String(r.train.trades)]
        }
        return ReportTable(header: header, rows: rows)
    }

    /// One heatmap: rows are the first key's values, columns the second's.
    static func heatmap(_ h: SweepSensitivity.Heatmap, _ o: SweepOutcome) -> Heatmap {
        let single = o.grid.axes.count == 1
        let rowAxis = o.grid.axes[h.rowAxis], columnAxis = o.grid.axes[h.columnAxis]
        let values = h.cells.flatMap { $0 }.compactMap { $0 }
        let tooltips = h.cells.indices.map { i in
            h.cells[i].indices.map { j in
                single ? "\(rowAxis.key)=\(columnAxis.values[j]): \(objectiveText(o, h.cells[i][j]))"
                    : "\(rowAxis.key)=\(rowAxis.values[i]) \(columnAxis.key)=\(columnAxis.values[j]): \(objectiveText(o, h.cells[i][j]))"
            }
        }
        return Heatmap(title: single ? rowAxis.key : "\(rowAxis.key) x \(columnAxis.key)",
                       caption: single ? rowAxis.key : "\(rowAxis.key) (rows) x \(columnAxis.key) (columns)",
                       rowLabels: single ? [] : rowAxis.values, columnLabels: columnAxis.values, cells: h.cells, tooltips: tooltips,
                       lowerIsBetter: !o.objective.maximizes,
                       rangeText: "range \(objectiveText(o, values.min() ?? 0)) to \(objectiveText(o, values.max() ?? 1))")
    }
}
