/// A report rendered block by block in both formats, so a page can be rendered ahead of its
/// last blocks and finished once they are known. A run's tearsheet is rendered by a file
/// writer beside the run's files; only its provenance section waits for the manifest's hash.
/// The pages are `HTMLRenderer.render` and `MarkdownRenderer.render` of the whole report,
/// byte for byte: both render through the same block and page functions.
public struct RenderedReport: Sendable {
    public let title: String
    private var headings: [String]
    private var html: [String]
    private var markdown: [String]

    public init(_ report: Report) {
        title = report.title
        (headings, html, markdown) = ([], [], [])
        append(report.blocks)
    }

    /// Renders `blocks` after those already rendered.
    public mutating func append(_ blocks: [ReportBlock]) {
        headings += Report(title: title, blocks: blocks).headings
        html += blocks.map(HTMLRenderer.render)
        markdown += blocks.map(MarkdownRenderer.render)
    }

    /// report.html: the section links list every heading rendered so far.
    public var htmlPage: String { HTMLRenderer.page(title: title, headings: headings, blocks: html) }
    /// report.md.
    public var markdownPage: String { MarkdownRenderer.page(title: title, blocks: markdown) }
}
