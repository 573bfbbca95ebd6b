import Foundation
import Reports

/// A plain run's tearsheet, rendered by a file writer beside the run's files (all but its
/// provenance section), then finished once provenance is known. Before, the whole page was
/// rendered after the files, on one core: 16-25 ms at the end of a year of minutes.
final class TearsheetDraft: @unchecked Sendable {  // `rendered` is only touched under `lock`
    private let lock = NSLock()
    private var rendered: (runID: String, report: RenderedReport)?

    /// Renders every section but Provenance (`input.provenance` is not read).
    func render(_ input: TearsheetInput) {
        let report = RenderedReport(Tearsheet.draft(input))
        lock.withLock { rendered = (input.runID, report) }
    }

    /// report.md and report.html of `input`: the draft of the same run finished with its
    /// provenance section, or the whole page when no draft was rendered for this run id.
    func pages(_ input: TearsheetInput) -> [(name: String, text: String)] {
        let draft = lock.withLock { rendered }
        var report = draft?.runID == input.runID ? draft!.report : RenderedReport(Tearsheet.draft(input))
        report.append(Tearsheet.provenance(input))
        return [("report.md", report.markdownPage), ("report.html", report.htmlPage)]
    }
}
