/// A report as data: a title and a list of typed blocks. Built once by a page
/// (`ValidationReport`, `SweepReport`, ...) and rendered by `MarkdownRenderer` and
/// `HTMLRenderer`, so the two files always say the same thing and escaping happens in
/// exactly one place per format.
public struct Report: Sendable {
    public var title: String
    public var blocks: [ReportBlock]

    public init(title: String, blocks: [ReportBlock] = []) {
        (self.title, self.blocks) = (title, blocks)
    }

    public mutating func add(_ block: ReportBlock) { blocks.append(block) }
    public mutating func add(_ more: [ReportBlock]) { blocks += more }

    /// The texts of every heading, in order: what a reader navigates by.
    public var headings: [String] {
        blocks.compactMap { if case .heading(let text) = $0 { text } else { nil } }
    }
}

/// One piece of a report. Text is plain: renderers escape it.
public enum ReportBlock: Sendable {
    /// A section heading (the title is the only first-level heading).
    case heading(String)
    case paragraph(String)
    case list([String])
    /// Label and value pairs, as a two-column table.
    case keyValues([(String, String)])
    case table(ReportTable)
    case chart(Chart)
    /// An aside in a smaller, muted type (conventions, where the rest is).
    case note(String)
}

/// A table of plain strings: the header and its rows (each as long as the header).
public struct ReportTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        (self.header, self.rows) = (header, rows)
    }
}

/// A chart drawn as inline SVG in HTML; Markdown names it and points at report.html.
public enum Chart: Sendable {
    case lines(LineChart)
    case heatmap(Heatmap)
    case bars(BarChart)

    public var title: String {
        switch self {
        case .lines(let c): c.title
        case .heatmap(let h): h.title
        case .bars(let b): b.title
        }
    }
}
