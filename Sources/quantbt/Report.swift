import ArgumentParser
import Analysis
import Experiments
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a run's report.html and report.md again from its files.",
        discussion: """
            RUN-FOLDER is a run folder (artifacts/<name>/<run-id>), an experiment folder or \
            artifacts/<name> (its latest run), or a golden folder (golden/<name>, \
            golden/<name>-validation). The page is rebuilt from the run's hashed files and \
            provenance.json only, so it shows exactly what they hold, and for a run made by \
            this QuantBT it is the page the run wrote: a plain run's tearsheet from \
            metrics.json, breakdowns.json and trades.csv; a validation from validation.json \
            and each scenario's files (the baseline's tearsheet charts, split and stress \
            equity) with its sweep/ and walk-forward/ folders; a sweep from sweep.json and \
            results.csv; a walk-forward from walk_forward.json and oos_equity.csv. Reports are \
            not in the manifest: rebuilding one changes no hash.

            Exit status: 0 written, 7 the folder is not a finished run, or was recorded \
            before its kind of report was built from files, 1 any other error.

            Examples:
              quantbt report experiments/sma-crossover
              quantbt report artifacts/sma-crossover/20261203T112305Z-d627bc26 --open
              quantbt report golden/risk-portfolio
              quantbt report golden/risk-portfolio-validation
            """)

    @Argument(help: "The run folder whose report to rebuild.")
    var runFolder: String

    @Flag(help: "Print the report's file:// URL (to open in a browser) instead of its path.")
    var open = false

    func run() throws {
        let root = ExperimentDirectory.packageRoot(containing: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let written = try withArtifactErrors { try ReportRebuilder.rebuild(try LocatedRun.locate(runFolder, root: root)) }
        print(open ? written.absoluteURL.absoluteString : "report: \(written.path(relativeTo: root))")
    }
}
