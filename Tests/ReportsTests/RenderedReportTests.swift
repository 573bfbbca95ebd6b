import Foundation
@testable import Reports
import Testing

/// A report rendered ahead of its last blocks and finished later is the whole report
/// rendered at once, in both formats, byte for byte (the section links included).
@Test func renderedAheadEqualsRenderedWhole() {
    let chart = LineChart(title: "Equity", series: [.init(name: "run", points: [(0, 100), (60_000, 101.5), (120_000, 99.25)])], height: 200)
    let blocks: [ReportBlock] = [
        .heading("Summary"), .paragraph("BTCUSD <1m>"), .keyValues([("Sharpe", "1.234")]), .heading("Equity"), .chart(.lines(chart)),
        .heading("Trades"), .table(ReportTable(header: ["a", "b|c"], rows: [["1", "2"]])), .note("from trades.csv"),
        .heading("Provenance"), .keyValues([("Manifest SHA-256", "ab12")]), .list(["one", "two"]),
    ]
    let whole = Report(title: "sma: run x", blocks: blocks)
    var ahead = RenderedReport(Report(title: "sma: run x", blocks: Array(blocks.prefix(8))))
    ahead.append(Array(blocks.dropFirst(8)))
    #expect(ahead.htmlPage == HTMLRenderer.render(whole))
    #expect(ahead.markdownPage == MarkdownRenderer.render(whole))
    #expect(ahead.htmlPage.contains(##"<a href="#provenance">Provenance</a>"##))
}
