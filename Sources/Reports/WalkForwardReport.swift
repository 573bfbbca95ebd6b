import Analysis
import Foundation
import Model

/// What a walk-forward page shows, as the run's files hold it: walk_forward.json and the
/// stitched out-of-sample equity of oos_equity.csv. The run builds its page from the files
/// it wrote, `quantbt report` from the same files; the two pages are the same.
public struct WalkForwardPageInput: Sendable {
    public var experiment: String
    public var runID: String
    /// walk_forward.json: `summary`, `folds`.
    public var document: CanonicalValue
    /// oos_equity.csv: (time, equity).
    public var stitched: [(Int64, Double)]

    public init(experiment: String, runID: String, document: CanonicalValue, stitched: [(Int64, Double)]) {
        (self.experiment, self.runID, self.document, self.stitched) = (experiment, runID, document, stitched)
    }
}

/// The report of a walk-forward run: the summary, the fold table, the stitched
/// out-of-sample equity and its drawdown, and each fold's test return.
public enum WalkForwardReport {
    public static func build(_ input: WalkForwardPageInput) -> Report {
        Report(title: "Walk-forward: \(input.experiment)", blocks: [.paragraph("Run \(input.runID). The holdout is never read.")]
            + section(input, heading: nil) + [.note("The stitched out-of-sample equity is in oos_equity.csv.")])
    }

    /// The summary, the fold table and the charts (validate's report shows them too).
    static func section(_ input: WalkForwardPageInput, heading: String?) -> [ReportBlock] {
        let times = input.stitched.map(\.0), equity = input.stitched.map(\.1)
        let chart = LineChart(title: "Stitched out-of-sample equity",
                              series: [.init(name: "out-of-sample equity", points: LineChart.points(times, equity))], height: 240)
        var drawdown = LineChart(title: "Stitched out-of-sample drawdown",
                                 series: [.init(name: "drawdown", points: LineChart.points(times, LineChart.drawdown(equity, start: equity.first ?? 0)))],
                                 height: 160)
        drawdown.percent = true
        let folds = input.document["folds"]?.items ?? []
        let returns = BarChart(title: "Test return by fold", bars: folds.enumerated().map { k, f in
            let r = f["test_metrics"]?["total_return"]?.double ?? 0
            return BarChart.Bar(label: "fold \(k + 1)", value: r, text: NumberFormat.percent(r))
        })
        return (heading.map { [.heading($0)] } ?? []) + [
            .list(summaryLines(input)), .table(table(input)),
            .heading("Stitched out-of-sample equity"), .chart(.lines(chart)), .chart(.lines(drawdown)),
            .heading("Test return by fold"), .chart(.bars(returns)),
        ]
    }

    /// What `quantbt walk-forward` prints on a terminal.
    public static func summary(_ o: WalkForwardOutcome) -> String {
        let input = WalkForwardPageInput(experiment: o.experiment, runID: "", document: o.document, stitched: o.stitched)
        return (["\(o.experiment): walk-forward"] + summaryLines(input) + TerminalTable.lines(table(input))
            + ["report: \(o.runDirectory)/report.html"]).joined(separator: "\n")
    }

    static func summaryLines(_ input: WalkForwardPageInput) -> [String] {
        let s = input.document["summary"], folds = input.document["folds"]?.items ?? []
        let profitable = folds.filter { ($0["test_metrics"]?["total_return"]?.double ?? 0) > 0 }.count
        return [
            "\(folds.count) \(s?["mode"]?.string ?? "?") folds, train share \(NumberFormat.plain(s?["train_ratio"]?.double ?? 0)), "
                + "chosen by \(s?["objective"]?.string ?? "?") on each train window.",
            "Out of sample: return \(NumberFormat.percent(s?["out_of_sample_return"]?.double)), CAGR \(NumberFormat.percent(s?["out_of_sample_cagr"]?.double)).",
            "Walk-forward efficiency (out-of-sample CAGR / mean in-sample CAGR): \(NumberFormat.fixed(s?["walk_forward_efficiency"]?.double)).",
            "Profitable test folds: \(profitable) of \(folds.count); dispersion (sample std) of test Sharpe: \(NumberFormat.fixed(s?["test_sharpe_dispersion"]?.double)).",
        ]
    }

    static func table(_ input: WalkForwardPageInput) -> ReportTable {
        let folds = input.document["folds"]?.items ?? []
        let keys = folds.first.flatMap { f -> [String]? in if case .map(let m)? = f["params"] { m.keys.sorted() } else { nil } } ?? []
        let header = ["fold", "train", "test"] + keys + ["train return", "train Sharpe", "test return", "test Sharpe", "test max DD", "test trades"]
        func span(_ v: CanonicalValue?) -> String {
            let ends = (v?.items ?? []).map { Timestamp.parse($0.string ?? "")?.dateString ?? "?" }
            return ends.count == 2 ? "\(ends[0]) to \(ends[1])" : "?"
        }
        let rows = folds.enumerated().map { k, f -> [String] in
            let train = f["train_metrics"], test = f["test_metrics"]
            return [String(k + 1), span(f["train"]), span(f["test"])] + keys.map { f["params"]?[$0]?.string ?? "?" }
                + [NumberFormat.percent(train?["total_return"]?.double), NumberFormat.fixed(train?["sharpe"]?.double),
                   NumberFormat.percent(test?["total_return"]?.double), NumberFormat.fixed(test?["sharpe"]?.double),
                   NumberFormat.percent(test?["max_drawdown"]?.double, signed: false), test?["trades"]?.double.map { String(Int($0)) } ?? "?"]
        }
        return ReportTable(header: header, rows: rows)
    }
}
