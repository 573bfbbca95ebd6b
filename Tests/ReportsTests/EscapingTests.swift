@testable import Analysis
import Foundation
@testable import Reports
import Testing

/// A name that would break HTML text, an HTML attribute and a Markdown table if any of it
/// went through unescaped.
private let hostile = "<b>X&Y</b> \"q\" 'a'|b"
private let escaped = "&lt;b&gt;X&amp;Y&lt;/b&gt; &quot;q&quot; &#39;a&#39;|b"

private func metrics(sharpe: Double) -> PerformanceMetrics {
    PerformanceMetrics(totalReturn: 0.1, cagr: 0.1, annualVolatility: 0.2, sharpe: sharpe, sortino: 1, maxDrawdown: 0.05, maxDrawdownBars: 3,
                       maxDrawdownDays: 1, winRate: 0.5, profitFactor: 1.5, expectancy: 2, trades: 4, exposure: 0.5, finalEquity: 110,
                       fills: 8, orders: 8, rejections: 0, commissionPaid: 1, slippagePaid: 0, bars: 10, periodsPerYear: 365)
}

/// A sweep over a parameter with a hostile name, of an experiment with a hostile name.
private func hostileSweep() -> SweepOutcome {
    let grid = ParameterGrid(axes: [.init(key: "params.\(hostile)", values: [hostile, "2"]), .init(key: "params.slow", values: ["20", "30"])])
    let rows = (0..<4).map { SweepOutcome.Row(values: [$0 < 2 ? hostile : "2", $0 % 2 == 0 ? "20" : "30"], train: metrics(sharpe: Double($0)), validation: nil) }
    return SweepOutcome(experiment: hostile, plan: SweepPlan(), grid: grid, rows: rows)
}

/// Every text node and attribute value in the HTML is escaped: the hostile name appears only
/// in its escaped form, in text, in the title, in SVG labels, tooltips and attributes.
@Test func htmlEscapesTextAndAttributes() {
    var report = SweepReport.build(hostileSweep(), runID: "run-1")
    report.add(.chart(.lines(LineChart(title: hostile, series: [.init(name: hostile, points: [(0, 1), (86_400_000, 2)])], height: 100))))
    report.add(.keyValues([(hostile, hostile)]))
    let html = HTMLRenderer.render(report)
    #expect(!html.contains("<b>"))
    #expect(!html.contains(hostile.prefix(8)))
    #expect(html.contains("<title>Sweep: \(escaped)</title>"))
    #expect(html.contains("<h1>Sweep: \(escaped)</h1>"))
    #expect(html.contains("data-series=\"\(escaped)\""))
    #expect(html.contains("aria-label=\"\(escaped)\""))
    #expect(html.contains("<td>\(escaped)</td>"))
    #expect(html.contains("<th>params.\(escaped)</th>"))
    // The heatmap's tooltip and its column labels are SVG text.
    #expect(html.contains("<title>params.\(escaped)=\(escaped) params.slow=20: 0.000</title>"))
    #expect(html.contains("<span style=\"color:#1f77b4\">\u{25A0} \(escaped)</span>"))
}

/// A `|` in a cell is escaped, so every row of the Markdown table keeps the header's
/// column count; the hostile name itself is kept readable.
@Test func markdownTableKeepsItsColumns() {
    let markdown = MarkdownRenderer.render(SweepReport.build(hostileSweep(), runID: "run-1"))
    #expect(markdown.hasPrefix("# Sweep: \(hostile)\n"))
    let table = markdown.split(separator: "\n").filter { $0.hasPrefix("|") }
    #expect(table.count == 2 + 4)  // header, rule, four combinations
    // Cells are split at pipes that are not escaped.
    let columns = table.map { line in line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count - 1 }
    #expect(Set(columns) == [6])
    #expect(table[0] == "| params.<b>X&Y</b> \"q\" 'a'\\|b | params.slow | sharpe (train) | sharpe (validation) | return (train) | trades (train) |")
    #expect(table.contains("| \(hostile.replacingOccurrences(of: "|", with: "\\|")) | 30 | 1.000 | n/a | +10.00% | 4 |"))
}

/// A line break in a value does not end the table row or the list item.
@Test func markdownFoldsLineBreaks() {
    let report = Report(title: "t", blocks: [.table(ReportTable(header: ["a"], rows: [["one\ntwo"]])), .list(["x\ny"])])
    #expect(MarkdownRenderer.render(report) == "# t\n\n| a |\n|---|\n| one two |\n\n- x y\n")
}
