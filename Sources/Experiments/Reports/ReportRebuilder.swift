import Analysis
import Foundation
import Model
import Reports

/// The report of a run folder, built from its files alone, so the page shows exactly what
/// the hashed files hold: a plain run's tearsheet (metrics.json, breakdowns.json,
/// trades.csv), a validation's page (validation.json, each scenario's breakdowns.json, the
/// sweep and walk-forward files), a sweep's (sweep.json, results.csv), a walk-forward's
/// (walk_forward.json, oos_equity.csv); plus provenance.json's run id and holdout count.
/// Validate, sweep and walk-forward build their page with it from the files they have just
/// written, and `quantbt report RUN` with it again, so the two pages are the same.
package enum ReportRebuilder {
    /// `quantbt report`: rebuilds the report of `run`; returns the report.html written.
    package static func rebuild(_ run: LocatedRun) throws -> URL {
        let folder = run.url
        let provenance = try? RunFolderFiles(folder: folder, label: run.label).document("provenance.json")
        let report = try report(folder, label: run.label, experiment: run.experiment, provenance: provenance)
        try write(report, into: folder, label: run.label)
        return folder.appendingPathComponent("report.html")
    }

    /// The page of the run folder at `folder` (a finished one, or one being written).
    package static func report(_ folder: URL, label: String, experiment: String, provenance: CanonicalValue?) throws -> Report {
        let files = RunFolderFiles(folder: folder, label: label)
        let runID = provenance?["run_id"]?.string ?? folder.lastPathComponent
        if files.exists("validation.json") { return ValidationReport.build(try files.validationPage(experiment: experiment, runID: runID, provenance: provenance)) }
        if files.exists("sweep.json") { return SweepReport.build(try files.sweep(experiment: experiment), runID: runID) }
        if files.exists("walk_forward.json") { return WalkForwardReport.build(try files.walkForwardPage(experiment: experiment, runID: runID)) }
        guard let input = try files.tearsheetInput(experiment: experiment, runID: runID, provenance: provenance) else {
            throw ArtifactError.runIncomplete("\(label) has no breakdowns.json: it was recorded before tearsheets; "
                + "run the experiment again (or bless it again, for a golden folder)")
        }
        return Tearsheet.build(input)
    }

    /// report.md and report.html of `report`, as the run folder's last files.
    package static func rendered(_ report: Report) -> [(name: String, text: String)] {
        [("report.md", MarkdownRenderer.render(report)), ("report.html", HTMLRenderer.render(report))]
    }

    /// Both files through a temporary name and a rename: a reader never sees half a page.
    static func write(_ report: Report, into folder: URL, label: String) throws {
        for (name, text) in rendered(report) {
            let target = folder.appendingPathComponent(name), temporary = folder.appendingPathComponent(".\(name).\(getpid())")
            do {
                try Data(text.utf8).write(to: temporary)
                if rename(temporary.path, target.path) != 0 { throw CocoaError(.fileWriteUnknown) }
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                throw ArtifactError.unreadable("cannot write \(name) in \(label): \(error.localizedDescription)")
            }
        }
    }
}
