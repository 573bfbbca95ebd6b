/// Renders a `Report` as Markdown. Table cells escape `|` and fold line breaks, so no value
/// can break a table; charts are named and left to report.html.
public enum MarkdownRenderer {
    public static func render(_ report: Report) -> String {
        page(title: report.title, blocks: report.blocks.map(render))
    }

    /// The page around blocks already rendered (`RenderedReport` renders them ahead).
    static func page(title: String, blocks: [String]) -> String {
        (["# " + inline(title)] + blocks).joined(separator: "\n\n") + "\n"
    }

    static func render(_ block: ReportBlock) -> String {
        switch block {
        case .heading(let text): "## " + inline(text)
        case .paragraph(let text): inline(text)
        case .note(let text): "_" + inline(text) + "_"
        case .list(let items): items.map { "- " + inline($0) }.joined(separator: "\n")
        case .keyValues(let pairs): table(ReportTable(header: ["", ""], rows: pairs.map { [$0.0, $0.1] }))
        case .table(let t): table(t)
        case .chart(let chart): "_Chart: " + inline(chart.title) + " (in report.html)._"
        }
    }

    package static func table(_ t: ReportTable) -> String {
        (["| " + t.header.map(cell).joined(separator: " | ") + " |", "|" + String(repeating: "---|", count: t.header.count)]
            + t.rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }).joined(separator: "\n")
    }

    /// One table cell: a `|` would end the cell, a line break the row.
    static func cell(_ s: String) -> String { inline(s).replacingOccurrences(of: "|", with: "\\|") }

    /// Text on one line: line breaks would end a list item or a heading.
    static func inline(_ s: String) -> String {
        s.contains(where: \.isNewline) ? s.split(whereSeparator: \.isNewline).joined(separator: " ") : s
    }
}
