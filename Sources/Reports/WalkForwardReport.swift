import Analysis
import Foundation
import Model

/// The report of a walk-forward run: the summary, the fold table and the stitched
/// out-of-sample equity.
public enum WalkForwardReport {
    public static func build(_ o: WalkForwardOutcome, runID: String) -> Report {
        Report(title: "Walk-forward: \(o.experiment)", blocks: [.paragraph("Run \(runID). The holdout is never read.")] + section(o, heading: nil)
            + [.note("The stitched out-of-sample equity is in oos_equity.csv.")])
    }

    /// The summary, the fold table and the stitched chart (validate's report shows them too).
    static func section(_ o: WalkForwardOutcome, heading: String?) -> [ReportBlock] {
        let chart = LineChart(title: "Stitched out-of-sample equity",
                              series: [.init(name: "out-of-sample equity", points: LineChart.points(o.stitched.map(\.0), o.stitched.map(\.1)))], height: 240)
        return (heading.map { [.heading($0)] } ?? []) + [.list(summaryLines(o)), .table(table(o)), .heading("Stitched out-of-sample equity"), .chart(.lines(chart))]
    }

    /// What `quantbt walk-forward` prints on a terminal.
    public static func summary(_ o: WalkForwardOutcome) -> String {
        (["\(o.experiment): walk-forward"] + summaryLines(o) + TerminalTable.lines(table(o)) + ["report: \(o.runDirectory)/report.html"]).joined(separator: "\n")
    }

    static func summaryLines(_ o: WalkForwardOutcome) -> [String] {
        [
            "\(o.folds.count) \(o.plan.mode.rawValue) folds, train share \(NumberFormat.plain(o.plan.trainRatio)), chosen by \(o.objective.rawValue) on each train window.",
            "Out of sample: return \(NumberFormat.percent(o.stitchedReturn)), CAGR \(NumberFormat.percent(o.stitchedCAGR)).",
            "Walk-forward efficiency (out-of-sample CAGR / mean in-sample CAGR): \(NumberFormat.fixed(o.efficiency)).",
            "Profitable test folds: \(o.folds.filter { $0.testMetrics.totalReturn > 0 }.count) of \(o.folds.count); dispersion (sample std) of test Sharpe: \(NumberFormat.fixed(o.sharpeDispersion)).",
        ]
    }

    static func table(_ o: WalkForwardOutcome) -> ReportTable {
        let header = ["fold", "train", "test"] + o.grid.axes.map(\.key) + ["train return", "train Sharpe", "test return", "test Sharpe", "test max DD", "test trades"]
        let rows = o.folds.enumerated().map { k, f -> [String] in
            let d = { (t: Int64) in Timestamp(milliseconds: t).dateString }
            return [String(k + 1), "\(d(f.train.lowerBound)) to \(d(f.train.upperBound))", "\(d(f.test.lowerBound)) to \(d(f.test.upperBound))"] + f.values
                + [NumberFormat.percent(f.trainMetrics.totalReturn), NumberFormat.fixed(f.trainMetrics.sharpe),
                   NumberFormat.percent(f.testMetrics.totalReturn), NumberFormat.fixed(f.testMetrics.sharpe),
                   NumberFormat.percent(f.testMetrics.maxDrawdown, signed: false), String(f.testMetrics.trades)]
        }
        return ReportTable(header: header, rows: rows)
    }
}
