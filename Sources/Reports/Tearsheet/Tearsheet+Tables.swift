import Analysis
import Model

extension Tearsheet {
    /// A histogram of trade returns and their spread.
    static func trades(_ input: TearsheetInput) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading("Trades")]
        let returns = input.tradeReturns
        guard let low = returns.min(), let high = returns.max() else { return blocks + [.paragraph("No closed trades.")] }
        let sorted = returns.sorted()
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        let bins = max(1, min(30, returns.count))
        let width = high > low ? (high - low) / Double(bins) : 1
        var counts = [Int](repeating: 0, count: bins)
        for r in returns { counts[min(bins - 1, Int((r - low) / width))] += 1 }
        blocks.append(.chart(.bars(BarChart(title: "Trade returns", bars: counts.indices.map { i in
            let centre = low + (Double(i) + 0.5) * width
            return BarChart.Bar(label: String(format: "%+.1f%%", centre * 100), value: Double(counts[i]), text: counts[i] > 0 ? "\(counts[i])" : "", negative: centre < 0)
        }))))
        let bars = input.tradeBars.isEmpty ? nil : Double(input.tradeBars.reduce(0, +)) / Double(input.tradeBars.count)
        blocks.append(.keyValues([
            ("Closed trades", NumberFormat.grouped(returns.count)), ("Mean return", NumberFormat.percent(returns.reduce(0, +) / Double(returns.count))),
            ("Median return", NumberFormat.percent(median)), ("Best", NumberFormat.percent(high)), ("Worst", NumberFormat.percent(low)),
            ("Mean bars held", NumberFormat.fixed(bars)),
        ]))
        blocks.append(.note("Each trade's return is its net P&L over its entry notional (trades.csv `return`); \(bins) bins of equal width."))
        return blocks
    }

    /// By symbol, By period, By tag, Worst drawdowns: the tables of breakdowns.json.
    static func tables(_ input: TearsheetInput) -> [ReportBlock] {
        let b = input.breakdowns
        func pct(_ v: CanonicalValue?, signed: Bool = true) -> String { NumberFormat.percent(v?.double, signed: signed) }
        func money(_ v: CanonicalValue?) -> String { NumberFormat.fixed(v?.double) }
        func count(_ v: CanonicalValue?) -> String { v?.double.map { NumberFormat.grouped(Int($0)) } ?? "n/a" }
        var blocks: [ReportBlock] = [.heading("By symbol")]
        blocks.append(.table(ReportTable(
            header: ["symbol", "trades", "win rate", "P&L", "return contribution", "exposure", "commission", "rejections"],
            rows: (b["by_symbol"]?.items ?? []).map { s in
                [s["symbol"]?.string ?? "?", count(s["trades"]), pct(s["win_rate"], signed: false), money(s["pnl"]), pct(s["return_contribution"]),
                 pct(s["exposure"], signed: false), money(s["commission"]), count(s["rejections"])]
            })))

        blocks.append(.heading("By period"))
        let periods = b["by_period"]
        for (title, key) in [("Years", "years"), ("Quarters", "quarters"), ("Months", "months")] {
            blocks.append(.paragraph(title))
            blocks.append(.table(ReportTable(header: ["period", "return", "max drawdown", "trades", "win rate"], rows: (periods?[key]?.items ?? []).map { p in
                [p["period"]?.string ?? "?", pct(p["return"]), pct(p["max_drawdown"], signed: false), count(p["trades"]), pct(p["win_rate"], signed: false)]
            })))
        }
        for (title, key) in [("By weekday of entry", "weekday"), ("By hour of entry", "hour")] {
            guard let rows = periods?[key + "s"], rows != .null else { continue }
            blocks.append(.paragraph(title))
            blocks.append(.table(ReportTable(header: [key, "trades", "mean trade return"], rows: rows.items.map { r in
                [r[key]?.string ?? "?", count(r["trades"]), pct(r["mean_trade_return"])]
            })))
        }
        blocks.append(.note("Periods in the run's time zone; a trade counts in the period it closed. Weekdays and hours (intraday bars only) by entry time."))

        blocks.append(.heading("By tag"))
        let tags = b["by_tag"]?.items ?? []
        if tags.count == 1 && tags[0]["tag"]?.string == "" {
            blocks.append(.paragraph("No order was tagged (context.buy(..., tag: \"breakout\") labels an entry and its trades)."))
        }
        blocks.append(.table(ReportTable(header: ["tag", "trades", "win rate", "P&L", "expectancy", "profit factor"], rows: tags.map { t in
            let tag = t["tag"]?.string ?? ""
            return [tag.isEmpty ? "(untagged)" : tag, count(t["trades"]), pct(t["win_rate"], signed: false), money(t["pnl"]), money(t["expectancy"]),
                    NumberFormat.precise(t["profit_factor"]?.double)]
        })))

        blocks.append(.heading("Worst drawdowns"))
        blocks.append(.table(ReportTable(header: ["peak", "trough", "recovery", "depth", "days"], rows: (b["worst_drawdowns"]?.items ?? []).map { d in
            [day(d["peak"]), day(d["trough"]), day(d["recovery"]), pct(d["depth"], signed: false), d["days"]?.double.map { String(format: "%.1f", $0) } ?? "?"]
        })))
        return blocks
    }

    /// The date of an ISO timestamp (other text as it is: "not recovered").
    static func day(_ v: CanonicalValue?) -> String {
        guard let s = v?.string else { return "?" }
        return Timestamp.parse(s).map { $0.milliseconds % 86_400_000 == 0 ? $0.dateString : s } ?? s
    }

    /// Rejections by rule, risk events, order counts.
    static func risk(_ input: TearsheetInput) -> [ReportBlock] {
        let m = input.metrics
        var blocks: [ReportBlock] = [.heading("Risk")]
        let rules = m["rejections_by_rule"]?.pairs ?? [:]
        if rules.isEmpty {
            blocks.append(.paragraph("The risk manager refused or cut no order."))
        } else {
            blocks.append(.table(ReportTable(header: ["rule", "orders refused or cut"], rows: rules.keys.sorted().map { [$0, NumberFormat.grouped(Int(rules[$0]!.double ?? 0))] })))
        }
        let events = m["risk_events"]?.pairs ?? [:]
        if !events.isEmpty {
            blocks.append(.table(ReportTable(header: ["rule", "event", "count"], rows: events.keys.sorted().flatMap { rule in
                let byEvent = events[rule]!.pairs
                return byEvent.keys.sorted().map { [rule, $0, NumberFormat.grouped(Int(byEvent[$0]!.double ?? 0))] }
            })))
        }
        let o = m["orders"]
        blocks.append(.keyValues([
            ("Orders submitted", NumberFormat.count(o?["submitted"]?.double)), ("Cancelled", NumberFormat.count(o?["cancelled"]?.double)),
            ("Expired", NumberFormat.count(o?["expired"]?.double)), ("Replaces too late", NumberFormat.count(o?["replaces_failed"]?.double)),
            ("Positions open at the end", NumberFormat.count(m["open_positions_at_end"]?.double)),
        ]))
        blocks.append(.note("rejections.csv lists every refusal with the numbers that decided it; risk_events.csv every trip and reset."))
        return blocks
    }

    /// The last section: the run's provenance.json (and so its manifest's hash).
    public static func provenance(_ input: TearsheetInput) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading("Provenance")]
        guard let p = input.provenance else { return blocks + [.paragraph("This folder has no provenance.json.")] }
        let git = p["git"]
        var pairs: [(String, String)] = [
            ("Run", p["run_id"]?.string ?? input.runID), ("Commit", git?["commit"]?.string ?? p["git_error"]?.string ?? "not a git repository"),
            ("Uncommitted changes", git?["dirty"]?.bool.map { $0 ? "yes (\(git?["changes"]?.items.count ?? 0) files)" : "no" } ?? "n/a"),
            ("Config SHA-256", p["config"]?["sha256"]?.string ?? "?"),
            ("Overrides", (p["config"]?["overrides"]?.items.compactMap(\.string)).map { $0.isEmpty ? "none" : $0.joined(separator: " ") } ?? "none"),
        ]
        for d in p["data"]?.items ?? [] { pairs.append(("Data " + (d["path"]?.string ?? "?"), d["sha256"]?.string ?? "?")) }
        pairs += [("Manifest SHA-256", p["manifest_sha256"]?.string ?? "?"), ("Seed", p["seed"]?.double.map { NumberFormat.plain($0) } ?? "?"),
                  ("Toolchain", p["toolchain"]?["swift"]?.string ?? "?"), ("Started", p["started"]?.string ?? "?"), ("Finished", p["finished"]?.string ?? "?")]
        blocks.append(.keyValues(pairs))
        blocks.append(.note("Every number above comes from a hashed file of the run (metrics.json, breakdowns.json, trades.csv); manifest.json holds their SHA-256 and provenance.json names the manifest's. `quantbt verify` and `quantbt diff` check them."))
        return blocks
    }
}
