import ArgumentParser
import CLIOptions
import Experiments
import Foundation
import Store

struct RunsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List runs, newest first, filtered and sorted.",
        discussion: """
            Without --kind, top-level runs (run, validate, sweep, walk-forward); --kind split, \
            scenario, cell or fold lists children.

            The filter: comparisons (= != < <= > >=) of a field and a value, joined by and / or, \
            with not and parentheses. Fields: metrics.KEY (the full period), metrics.SEGMENT.KEY \
            (train, validation, holdout, a stress scenario, test), params.KEY, tags.KEY, \
            git.commit (a prefix), git.dirty, id, experiment, kind, status, started, finished, \
            parent. Numbers compare as numbers; quote text.

            Examples:
              quantbt runs list --filter "metrics.sharpe > 1 and params.fast <= 20 or (tags.author = 'ana' and git.dirty = false)"
              quantbt runs list --kind cell --filter "metrics.validation.sharpe > 0.5" --sort-by metrics.train.sharpe --desc
            """)

    @Option(help: "Only runs of this experiment.") var experiment: String?
    @Option(help: "run, validate, sweep, walk-forward, split, scenario, cell or fold (default: the top-level runs).") var kind: String?
    @Option(help: ArgumentHelp("Only runs that match, e.g. \"metrics.sharpe > 1\".", valueName: "expr")) var filter: String?
    @Option(help: ArgumentHelp("started (default), id, experiment, metrics.KEY, metrics.SEGMENT.KEY or params.KEY.", valueName: "key")) var sortBy: String?
    @Flag(help: "Sort descending (the default for started).") var desc = false
    @Option(help: "At most this many runs (0: all).") var limit = 100
    @Option(help: "table, csv, md or json.") var format: RunListing.Format = .table
    @OptionGroup var location: StoreLocation

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 (all) or more, e.g. --limit 20") }
        let kinds = ["run", "validate", "sweep", "walk-forward", "split", "scenario", "cell", "fold"]
        if let kind, !kinds.contains(kind) { throw ValidationError("--kind '\(kind)' is not a kind; use one of \(kinds.joined(separator: ", "))") }
    }

    func run() throws {
        var query = RunStore.Query()
        (query.experiment, query.kind, query.limit, query.countTotal) = (experiment, kind, limit, format == .table)
        if let sortBy { (query.sortBy, query.descending) = (sortBy, desc) }
        if let filter {
            do { query.filter = try RunFilter(filter) } catch { throw CLIError("\(error)\n  \(filter)\n  \(String(repeating: " ", count: error.column - 1))^") }
        }
        let context = RunsContext(location)
        let store = try context.open()
        let (runs, total) = try { do { return try store.list(query) } catch { throw CLIError("\(error)") } }()
        print(RunListing.render(runs, format: format))
        fflush(nil)  // the table before the count line on stderr
        if format == .table {
            FileHandle.standardError.write(Data("\(runs.count) of \(total) run\(total == 1 ? "" : "s")\(runs.count < total ? " (--limit 0 lists all)" : "")\n".utf8))
        }
    }
}
