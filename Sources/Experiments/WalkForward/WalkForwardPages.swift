import Foundation
import Model

/// report.md and report.html of a walk-forward run: the summary, the fold table, and (HTML)
/// the stitched out-of-sample equity.
public enum WalkForwardPages {
    /// What `quantbt walk-forward` prints on a terminal.
    public static func summary(_ o: WalkForwardOutcome) -> String {
        let lines = ReportPage.terminalTable(table(o))
        return (["\(o.config.name): walk-forward"] + summaryLines(o) + lines + ["report: \(o.runDirectory)/report.html"]).joined(separator: "\n")
    }

    static func summaryLines(_ o: WalkForwardOutcome) -> [String] {
        [
            "\(o.folds.count) \(o.config.walkForward.mode.rawValue) folds, train share \(ValidationScenarios.short(o.config.walkForward.trainRatio)), chosen by \(o.objective) on each train window.",
            "Out of sample: return \(ValidationPages.percent(o.stitchedReturn)), CAGR \(ValidationPages.percent(o.stitchedCAGR)).",
            "Walk-forward efficiency (out-of-sample CAGR / mean in-sample CAGR): \(ValidationPages.ratio(o.efficiency)).",
            "Profitable test folds: \(o.folds.filter { $0.testMetrics.totalReturn > 0 }.count) of \(o.folds.count); dispersion (sample std) of test Sharpe: \(ValidationPages.ratio(o.sharpeDispersion)).",
        ]
    }

    static func table(_ o: WalkForwardOutcome) -> (header: [String], rows: [[String]]) {
        let header = ["fold", "train", "test"] + o.grid.axes.map(\.key) + ["train return", "train Sharpe", "test return", "test Sharpe", "test max DD", "test trades"]
        let rows = o.folds.enumerated().map { k, f -> [String] in
            let d = { (t: Int64) in Timestamp(milliseconds: t).dateString }
            return [String(k + 1), "\(d(f.train.lowerBound)) to \(d(f.train.upperBound))", "\(d(f.test.lowerBound)) to \(d(f.test.upperBound))"] + f.values
                + [ValidationPages.percent(f.trainMetrics.totalReturn), ValidationPages.ratio(f.trainMetrics.sharpe),
                   ValidationPages.percent(f.testMetrics.totalReturn), ValidationPages.ratio(f.testMetrics.sharpe),
                   ValidationPages.unsigned(f.testMetrics.maxDrawdown), String(f.testMetrics.trades)]
        }
        return (header, rows)
    }

    static func markdown(_ o: WalkForwardOutcome, runID: String) -> String {
        "# Walk-forward: \(o.config.name)\n\nRun \(runID). The holdout is never read.\n\n"
            + summaryLines(o).map { "- " + $0 }.joined(separator: "\n") + "\n\n" + ReportPage.markdownTable(table(o))
            + "\n\nThe stitched out-of-sample equity is in oos_equity.csv and report.html.\n"
    }

    static func html(_ o: WalkForwardOutcome, runID: String) -> String {
        let chart = SVGChart.lines([("out-of-sample equity", SVGChart.points(o.stitched.map(\.0), o.stitched.map(\.1)))], height: 240)
        let body = "<p>Run \(ReportPage.escape(runID)). The holdout is never read.</p>" + ReportPage.htmlList(summaryLines(o))
            + ReportPage.htmlTable(table(o)) + "<h2>Stitched out-of-sample equity</h2>" + chart
        return ReportPage.html(title: "Walk-forward: \(o.config.name)", body: body)
    }
}
