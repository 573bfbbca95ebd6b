import Analysis
import Model

extension Tearsheet {
    /// Equity, Drawdown, Monthly returns, Yearly returns, Rolling Sharpe: from the curves and
    /// periods of breakdowns.json (every bar, thinned with the extremes kept).
    static func charts(_ input: TearsheetInput) -> [ReportBlock] {
        let b = input.breakdowns
        let points = b["charts"]?["points"]?.items ?? []
        let times = points.map { Timestamp.parse($0["time"]?.string ?? "")?.milliseconds ?? 0 }
        func series(_ key: String, name: String) -> LineChart.Series {
            LineChart.Series(name: name, points: zip(times, points).compactMap { t, p in p[key]?.double.map { (t, $0) } })
        }
        var blocks: [ReportBlock] = [.heading("Equity")]
        var equity = [series("equity", name: "equity")]
        if let symbol = b["benchmark"]?["symbol"]?.string { equity.append(series("benchmark", name: "\(symbol) buy and hold")) }
        blocks.append(.chart(.lines(LineChart(title: "Equity against the benchmark", series: equity, height: 300))))
        blocks.append(.note("Mark-to-market equity at every bar close (\(points.count) points drawn, every span's extremes kept); the benchmark invests the initial capital at its first close."))

        blocks.append(.heading("Drawdown"))
        var drawdown = LineChart(title: "Drawdown from the running peak", series: [series("drawdown", name: "drawdown")], height: 200)
        drawdown.percent = true
        blocks.append(.chart(.lines(drawdown)))

        blocks.append(.heading("Monthly returns"))
        blocks.append(contentsOf: monthly(b["by_period"]?["months"]?.items ?? []))

        blocks.append(.heading("Yearly returns"))
        let years = b["by_period"]?["years"]?.items ?? []
        blocks.append(.chart(.bars(BarChart(title: "Yearly returns", bars: years.map { y in
            let r = y["return"]?.double ?? 0
            return BarChart.Bar(label: y["period"]?.string ?? "?", value: r, text: NumberFormat.percent(r))
        }))))

        blocks.append(.heading("Rolling Sharpe"))
        let window = b["charts"]?["rolling_sharpe_window"]?.double.map { NumberFormat.grouped(Int($0)) } ?? "?"
        let rolling = series("rolling_sharpe", name: "rolling Sharpe")
        if rolling.points.isEmpty {
            blocks.append(.paragraph("The run has fewer bars than the rolling window (\(window) bars, `report.rolling_window`): nothing to draw."))
        } else {
            blocks.append(.chart(.lines(LineChart(title: "Rolling Sharpe", series: [rolling], height: 200))))
            blocks.append(.note("Sharpe of the last \(window) bars at each bar, annualized as in Summary (`report.rolling_window` sets the window)."))
        }
        return blocks
    }

    /// Years down, months across, the return in each cell, coloured by sign.
    static func monthly(_ months: [CanonicalValue]) -> [ReportBlock] {
        var byYear: [String: [Int: Double]] = [:]
        for m in months {
            guard let label = m["period"]?.string, let r = m["return"]?.double else { continue }
            let parts = label.split(separator: "-")
            guard parts.count == 2, let month = Int(parts[1]) else { continue }
            byYear[String(parts[0]), default: [:]][month] = r
        }
        let years = byYear.keys.sorted()
        guard !years.isEmpty else { return [.paragraph("No complete month of bars.")] }
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let cells = years.map { y in (1...12).map { byYear[y]![$0] } }
        var map = Heatmap(title: "Monthly returns", caption: "return of each calendar month (time zone of the run)", rowLabels: years,
                          columnLabels: names, cells: cells,
                          tooltips: years.indices.map { i in (0..<12).map { j in "\(years[i]) \(names[j]): " + (cells[i][j].map { NumberFormat.percent($0) } ?? "no bars") } },
                          lowerIsBetter: false, rangeText: "red: a loss, green: a gain; stronger further from 0")
        map.cellTexts = cells.map { row in row.map { $0.map { String(format: "%+.1f", $0 * 100) } ?? "" } }
        map.diverging = true
        return [.chart(.heatmap(map)),
                .table(ReportTable(header: ["year"] + names, rows: years.indices.map { i in [years[i]] + cells[i].map { $0.map { NumberFormat.percent($0) } ?? "" } }))]
    }
}
