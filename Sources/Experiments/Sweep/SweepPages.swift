import Analysis
import Foundation

/// report.md and report.html of a sweep: the best combination and how it did on
/// validation, the sensitivity verdicts, the top combinations, and (HTML) a heatmap per pair
/// of swept keys.
public enum SweepPages {
    static func objectiveText(_ o: SweepOutcome, _ x: Double?) -> String {
        guard let x else { return "n/a" }
        return ["total_return", "cagr", "max_drawdown", "win_rate"].contains(o.objective) ? String(format: "%.2f%%", x * 100) : String(format: "%.3f", x)
    }

    static func params(_ o: SweepOutcome, _ i: Int) -> String {
        zip(o.grid.axes, o.rows[i].values).map { "\($0.key)=\($1)" }.joined(separator: " ")
    }

    static func verdicts(_ o: SweepOutcome) -> [String] {
        guard let best = o.sensitivity.best else { return ["No combination has a defined \(o.objective) on train."] }
        let r = o.rows[best]
        var lines = ["Best on train by \(o.objective): \(params(o, best)) (\(objectiveText(o, SweepOutcome.value(o.objective, r.train))) on train"
            + (r.validation.map { ", \(objectiveText(o, SweepOutcome.value(o.objective, $0))) on validation" } ?? "") + ")."]
        lines.append(o.sensitivity.isSharpPeak
            ? "Sharp peak: every neighbour of the best is more than \(Int(o.config.sweep.peakDrop * 100))% worse; the best is likely luck, not an edge."
            : "Not a sharp peak: at least one neighbour of the best is within \(Int(o.config.sweep.peakDrop * 100))% of it.")
        lines.append(o.sensitivity.stable.isEmpty
            ? "No stable neighbourhood: no combination has every neighbour within \(Int(o.config.sweep.stableWithin * 100))% of the best."
            : "Stable neighbourhood (\(o.sensitivity.stable.count) combination\(o.sensitivity.stable.count == 1 ? "" : "s") with every neighbour within \(Int(o.config.sweep.stableWithin * 100))% of the best): "
                + o.sensitivity.stable.prefix(10).map { params(o, $0) }.joined(separator: "; ") + (o.sensitivity.stable.count > 10 ? "; ..." : "") + ".")
        return lines
    }

    /// The ten best combinations on train.
    static func top(_ o: SweepOutcome) -> [Int] {
        let sign = o.objective == "max_drawdown" ? -1.0 : 1.0
        return o.rows.indices.filter { SweepOutcome.value(o.objective, o.rows[$0].train) != nil }
            .sorted { sign * SweepOutcome.value(o.objective, o.rows[$0].train)! > sign * SweepOutcome.value(o.objective, o.rows[$1].train)! }
            .prefix(10).map { $0 }
    }

    static func topTable(_ o: SweepOutcome) -> (header: [String], rows: [[String]]) {
        let header = o.grid.axes.map(\.key) + ["\(o.objective) (train)", "\(o.objective) (validation)", "return (train)", "trades (train)"]
        let rows = top(o).map { i -> [String] in
            let r = o.rows[i]
            return r.values + [objectiveText(o, SweepOutcome.value(o.objective, r.train)), objectiveText(o, SweepOutcome.value(o.objective, r.validation)),
                               ValidationPages.percent(r.train.totalReturn), String(r.train.trades)]
        }
        return (header, rows)
    }

    /// What `quantbt sweep` prints on a terminal.
    public static func summary(_ o: SweepOutcome) -> String {
        let lines = ReportPage.terminalTable(topTable(o))
        return (["\(o.config.name): sweep of \(o.rows.count) combinations on the train split"] + verdicts(o) + ["ten best on train:"] + lines
            + ["results: \(o.runDirectory)/results.csv; report: \(o.runDirectory)/report.html"]).joined(separator: "\n")
    }

    static func markdown(_ o: SweepOutcome, runID: String) -> String {
        """
        # Sweep: \(o.config.name)

        Run \(runID): \(o.rows.count) combinations of \(o.grid.axes.map { "\($0.key) (\($0.values.count))" }.joined(separator: " x ")), optimized on the train split by \(o.objective). The holdout is never read.

        \(verdicts(o).map { "- " + $0 }.joined(separator: "\n"))

        ## Ten best on train

        \(ReportPage.markdownTable(topTable(o)))

        Every combination is in results.csv; the heatmaps are in report.html.

        """
    }

    static func html(_ o: SweepOutcome, runID: String) -> String {
        let body = "<p>Run \(ReportPage.escape(runID)): \(o.rows.count) combinations, optimized on the train split by \(ReportPage.escape(o.objective)). "
            + "The holdout is never read.</p>" + ReportPage.htmlList(verdicts(o)) + "<h2>Ten best on train</h2>" + ReportPage.htmlTable(topTable(o))
            + "<h2>Sensitivity: \(ReportPage.escape(o.objective)) on train</h2><p>Each cell is the best \(ReportPage.escape(o.objective)) over the other "
            + "swept keys; darker red is better, blue worse, grey undefined.</p>" + o.sensitivity.heatmaps.map { heatmap($0, o) }.joined()
        return ReportPage.html(title: "Sweep: \(o.config.name)", body: body)
    }

    /// One heatmap as SVG: rows are the first key's values, columns the second's.
    static func heatmap(_ h: SweepSensitivity.Heatmap, _ o: SweepOutcome) -> String {
        let single = o.grid.axes.count == 1
        let rowAxis = o.grid.axes[h.rowAxis], columnAxis = o.grid.axes[h.columnAxis]
        let rows = h.cells.count, columns = h.cells.first?.count ?? 0
        let cell = max(18, min(60, 640 / max(columns, 1))), left = 90, top = 40
        let values = h.cells.flatMap { $0 }.compactMap { $0 }
        let low = values.min() ?? 0, high = values.max() ?? 1
        let better = o.objective == "max_drawdown" ? -1.0 : 1.0
        func color(_ v: Double?) -> String {
            guard let v else { return "#ddd" }
            var f = high > low ? (v - low) / (high - low) : 0.5
            if better < 0 { f = 1 - f }
            let r = Int(40 + 200 * f), b = Int(240 - 200 * f)
            return "rgb(\(r),80,\(b))"
        }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(max(left + columns * cell + 20, 480))\" height=\"\(top + rows * cell + 30)\">"
        svg += "<text x=\"\(left)\" y=\"14\" font-size=\"12\">\(ReportPage.escape(single ? rowAxis.key : "\(rowAxis.key) (rows) x \(columnAxis.key) (columns)"))</text>"
        for (j, value) in columnAxis.values.enumerated() {
            svg += "<text x=\"\(left + j * cell + cell / 2)\" y=\"\(top - 6)\" font-size=\"10\" text-anchor=\"middle\">\(ReportPage.escape(value))</text>"
        }
        for i in 0..<rows {
            if !single { svg += "<text x=\"\(left - 6)\" y=\"\(top + i * cell + cell / 2 + 4)\" font-size=\"10\" text-anchor=\"end\">\(ReportPage.escape(rowAxis.values[i]))</text>" }
            for j in 0..<columns {
                let v = h.cells[i][j]
                svg += "<rect x=\"\(left + j * cell)\" y=\"\(top + i * cell)\" width=\"\(cell - 1)\" height=\"\(cell - 1)\" fill=\"\(color(v))\">"
                    + "<title>\(ReportPage.escape(rowAxis.key))=\(ReportPage.escape(single ? columnAxis.values[j] : rowAxis.values[i]))\(single ? "" : " \(ReportPage.escape(columnAxis.key))=\(ReportPage.escape(columnAxis.values[j]))"): \(objectiveText(o, v))</title></rect>"
            }
        }
        svg += "<text x=\"\(left)\" y=\"\(top + rows * cell + 18)\" font-size=\"11\">range \(objectiveText(o, low)) to \(objectiveText(o, high))</text></svg>"
        return svg
    }
}
