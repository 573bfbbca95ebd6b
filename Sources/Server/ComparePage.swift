import Analysis
import Foundation
import Model
import Reports
import Store

/// `/compare?a=ID&b=ID`: what differs between two runs, down to the first diverging trade.
/// Provenance badges, the metrics side by side (B − A, coloured better or worse, equal within
/// 1e-9), equity and drawdown overlaid, the config diff, the trade diff with the first
/// divergence in time, and for two validation runs their splits and stress side by side.
struct ComparePage {
    let runs: RunFolders

    /// Metrics where lower is better; counts (trades, bars...) are neither.
    static let lowerIsBetter: Set = ["max_drawdown", "max_drawdown_days", "max_drawdown_bars", "annual_volatility", "commission_paid",
                                     "slippage_paid", "rejections"]
    static let neutral: Set = ["trades", "fills", "orders", "bars", "exposure"]

    func render(_ a: String, _ b: String) throws -> String {
        let ra = try runs.indexed(a), rb = try runs.indexed(b)
        let diff = try runs.diff(ra.run.id, rb.run.id)
        let fa = try runs.folder(ra), fb = try runs.folder(rb)
        var body = Markup.element("p", markup: "A: " + PageShell.link("/runs/\(ra.run.id)", ra.run.id) + " (\(Markup.escape(ra.run.experiment)), "
            + "\(Markup.escape(ra.run.kind))) · B: " + PageShell.link("/runs/\(rb.run.id)", rb.run.id)
            + " (\(Markup.escape(rb.run.experiment)), \(Markup.escape(rb.run.kind))). Deltas are B − A.")
        body += badges(ra.run, rb.run)
        body += Markup.element("h2", text: "Metrics") + metricsTable(diff)
        body += charts(fa, fb)
        body += Markup.element("h2", text: "Params and config")
        body += diff.config.changes.isEmpty ? Markup.element("p", text: "The resolved configs are identical.")
            : PageShell.table(["key", "A", "B"].map(PageShell.th), diff.config.changes.map { c in
                [Markup.escape(c.path), Markup.escape(c.expected?.display ?? "(absent)"), Markup.escape(c.actual?.display ?? "(absent)")]
            })
        body += trades(diff)
        body += validation(fa, fb)
        return PageShell.render(title: "Compare \(ra.run.id) and \(rb.run.id)", body: body)
    }

    private func badges(_ a: RunRecord, _ b: RunRecord) -> String {
        func badge(_ ok: Bool, _ yes: String, _ no: String) -> String { Markup.element("span", [("class", "badge " + (ok ? "yes" : "no"))], text: ok ? yes : no) }
        let dirty = a.gitDirty == true || b.gitDirty == true
        return Markup.element("p", markup: [
            badge(a.gitCommit != nil && a.gitCommit == b.gitCommit, "same commit", "different commits (\(String((a.gitCommit ?? "?").prefix(8))) / \(String((b.gitCommit ?? "?").prefix(8))))"),
            badge(!dirty, "neither dirty", "uncommitted changes in " + [a.gitDirty == true ? "A" : nil, b.gitDirty == true ? "B" : nil].compactMap { $0 }.joined(separator: " and ")),
            badge(a.dataSHA256 != nil && a.dataSHA256 == b.dataSHA256, "same data", "different data"),
            badge(a.toolchain == b.toolchain, "same toolchain", "different toolchains"),
            badge(a.configSHA256 == b.configSHA256, "same config", "different configs"),
        ].joined())
    }

    private func metricsTable(_ diff: RunDiff) -> String {
        var rows: [[String]] = [], classes: [[String]] = []
        for m in diff.metrics {
            func text(_ l: FlatDocument.Leaf?) -> String {
                guard let l else { return "-" }
                if case .number(let d) = l { return NumberFormat.value(d) }
                return l.display
            }
            var cls = "same", delta = ""
            if case .number(let x)? = m.a, case .number(let y)? = m.b {
                let d = y - x
                if abs(d) > 1e-9 * max(1, abs(x)) {
                    delta = (d >= 0 ? "+" : "") + NumberFormat.value(d)
                    cls = Self.neutral.contains(m.name) ? "changed" : (d > 0) != Self.lowerIsBetter.contains(m.name) ? "better" : "worse"
                } else {
                    delta = "equal"
                }
            } else if m.a != m.b {
                (cls, delta) = ("changed", "differs")
            }
            rows.append([Markup.escape(m.name), Markup.escape(text(m.a)), Markup.escape(text(m.b)), Markup.escape(delta)])
            classes.append(["", "n", "n", cls])
        }
        return Markup.element("div", [("id", "delta-table")], markup: PageShell.table(["metric", "A", "B", "B − A"].map(PageShell.th), rows, classes: classes))
    }

    /// Equity of every bar (thinned, extremes kept) from breakdowns.json, else equity.csv.
    static func curve(_ folder: URL) -> [(Int64, Double)] {
        for name in ["breakdowns.json", "baseline/breakdowns.json"] {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path), let doc = CanonicalValue(json: data),
               let points = doc["charts"]?["points"]?.items, !points.isEmpty {
                return points.compactMap { p in
                    guard let t = Timestamp.parse(p["time"]?.string ?? ""), let e = p["equity"]?.double else { return nil }
                    return (t.milliseconds, e)
                }
            }
        }
        for name in ["equity.csv", "baseline/equity.csv", "oos_equity.csv", "walk-forward/oos_equity.csv"] {
            guard let table = try? CSVTable(text: (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? "", name: name),
                  let t = table.column("timestamp"), let e = table.column("equity"), !table.rows.isEmpty else { continue }
            return table.rows.compactMap { row in Timestamp.parse(row[t]).flatMap { time in Double(row[e]).map { (time.milliseconds, $0) } } }
        }
        return []
    }

    private func charts(_ a: URL, _ b: URL) -> String {
        let ca = Self.curve(a), cb = Self.curve(b)
        guard !ca.isEmpty || !cb.isEmpty else { return Markup.element("p", text: "Neither run has an equity curve.") }
        func series(_ c: [(Int64, Double)], _ name: String, drawdown: Bool) -> LineChart.Series {
            let values = drawdown ? LineChart.drawdown(c.map(\.1), start: c.first?.1 ?? 0) : c.map(\.1)
            return LineChart.Series(name: name, points: LineChart.points(c.map(\.0), values))
        }
        let equity = LineChart(title: "Equity, A and B", series: [series(ca, "A", drawdown: false), series(cb, "B", drawdown: false)], height: 280)
        var drawdown = LineChart(title: "Drawdown, A and B", series: [series(ca, "A", drawdown: true), series(cb, "B", drawdown: true)], height: 180)
        drawdown.percent = true
        return Markup.element("h2", text: "Equity") + Markup.element("div", [("id", "equity-overlay")], markup: equity.svg())
            + Markup.element("h2", text: "Drawdown") + drawdown.svg()
    }

    private func trades(_ diff: RunDiff) -> String {
        var out = Markup.element("h2", text: "Trades")
        guard let t = diff.trades else { return out + Markup.element("p", text: "The runs do not both have trades.csv.") }
        out += Markup.element("p", text: "\(t.expectedRows) trades in A, \(t.actualRows) in B: \(t.expectedRows - t.missing.count - t.changed.count) matched "
            + "and equal, \(t.changed.count) changed, \(t.added.count) added in B, \(t.missing.count) removed (matched by symbol and entry time).")
        if let first = t.firstDivergence {
            out += Markup.element("p", markup: Markup.element("span", [("class", "first")], text: "First divergence: " + first))
        } else {
            out += Markup.element("p", text: "No trade differs.")
        }
        var rows: [[String]] = []
        for r in t.missing.prefix(50) { rows.append(["removed", Markup.escape(r.time), Markup.escape(t.describe(r)), ""]) }
        for r in t.added.prefix(50) { rows.append(["added", Markup.escape(r.time), Markup.escape(t.describe(r)), ""]) }
        for c in t.changed.prefix(50) {
            rows.append(["changed", Markup.escape(c.expected.time), Markup.escape(t.describe(c.expected)),
                         Markup.escape(c.fields.map { "\($0.column): \($0.expected) → \($0.actual)" }.joined(separator: "; "))])
        }
        rows.sort { $0[1] < $1[1] }
        return rows.isEmpty ? out : out + PageShell.table(["", "time", "trade", "what changed"].map(PageShell.th), rows)
    }

    /// Splits and stress scenarios side by side, when both are validation runs.
    private func validation(_ a: URL, _ b: URL) -> String {
        func doc(_ f: URL) -> CanonicalValue? { FileManager.default.contents(atPath: f.appendingPathComponent("validation.json").path).flatMap { CanonicalValue(json: $0) } }
        guard let va = doc(a), let vb = doc(b) else { return "" }
        var rows: [[String]] = []
        for (section, key) in [("splits", "splits"), ("stress", "stress")] {
            guard case .map(let left)? = va[key] else { continue }
            for name in left.keys.sorted() {
                for metric in ["total_return", "sharpe", "max_drawdown"] {
                    let x = va[key]?[name]?["metrics"]?[metric]?.double, y = vb[key]?[name]?["metrics"]?[metric]?.double
                    let delta = x.flatMap { x in y.map { NumberFormat.value($0 - x) } } ?? "n/a"
                    rows.append([Markup.escape("\(section): \(name)"), Markup.escape(metric), Markup.escape(x.map(NumberFormat.value) ?? "n/a"),
                                 Markup.escape(y.map(NumberFormat.value) ?? "n/a"), Markup.escape(delta)])
                }
            }
        }
        return Markup.element("h2", text: "Validation: splits and stress") + PageShell.table(["scenario", "metric", "A", "B", "B − A"].map(PageShell.th), rows)
    }
}
