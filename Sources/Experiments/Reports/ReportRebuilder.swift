import Analysis
import Foundation
import Model
import Reports

/// `quantbt report RUN`: writes report.md and report.html of a finished run folder again,
/// from its files alone (metrics.json, breakdowns.json, trades.csv, provenance.json), so
/// the page shows exactly what the hashed files hold. A plain run's page is the same one
/// the run wrote.
package enum ReportRebuilder {
    /// Rebuilds the report of `run`; returns the report.html written.
    package static func rebuild(_ run: LocatedRun) throws -> URL {
        let folder = run.url
        let report = try tearsheet(folder, label: run.label, experiment: run.experiment)
        try write(report, into: folder, label: run.label)
        return folder.appendingPathComponent("report.html")
    }

    static func tearsheet(_ folder: URL, label: String, experiment: String) throws -> Report {
        let fm = FileManager.default
        for (file, kind) in [("validation.json", "validate"), ("sweep.json", "sweep"), ("walk_forward.json", "walk-forward")]
        where fm.fileExists(atPath: folder.appendingPathComponent(file).path) {
            throw ArtifactError.runIncomplete("\(label) is a \(kind) run: its report.html is written when it runs and cannot be rebuilt "
                + "from its files yet; `quantbt report` rebuilds plain runs (quantbt run, quantbt backtest)")
        }
        let metrics = try document(folder, "metrics.json", label: label)
        guard fm.fileExists(atPath: folder.appendingPathComponent("breakdowns.json").path) else {
            throw ArtifactError.runIncomplete("\(label) has no breakdowns.json: it was recorded before tearsheets; "
                + "run the experiment again (or bless it again, for a golden folder)")
        }
        let breakdowns = try document(folder, "breakdowns.json", label: label)
        let provenance = try? document(folder, "provenance.json", label: label)
        let trades = try CSVTable(url: folder.appendingPathComponent("trades.csv"), name: "\(label)/trades.csv")
        guard let r = trades.column("return"), let b = trades.column("bars") else {
            throw ArtifactError.unreadable("\(label)/trades.csv: no `return` or `bars` column; it is not a QuantBT trades file")
        }
        let input = TearsheetInput(experiment: experiment, runID: provenance?["run_id"]?.string ?? folder.lastPathComponent, metrics: metrics,
                                   breakdowns: breakdowns, tradeReturns: trades.rows.map { Double($0[r]) ?? 0 },
                                   tradeBars: trades.rows.map { Int($0[b]) ?? 0 }, provenance: provenance)
        return Tearsheet.build(input)
    }

    static func document(_ folder: URL, _ name: String, label: String) throws -> CanonicalValue {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
            throw ArtifactError.runIncomplete("\(label) has no \(name): it is not a finished run folder")
        }
        guard let value = CanonicalValue(json: data) else { throw ArtifactError.unreadable("\(label)/\(name): not valid JSON") }
        return value
    }

    /// Both files through a temporary name and a rename: a reader never sees half a page.
    static func write(_ report: Report, into folder: URL, label: String) throws {
        for (name, text) in [("report.md", MarkdownRenderer.render(report)), ("report.html", HTMLRenderer.render(report))] {
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
