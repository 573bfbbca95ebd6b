import ArgumentParser
import CLIOptions
import Experiments
import Foundation
import Store

/// `quantbt runs`: find, inspect, compare, tag and delete indexed runs.
struct Runs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "Find, filter and compare every run in the results store (artifacts/runs.sqlite).",
        discussion: """
            Every run, validation, sweep and walk-forward is indexed when it is recorded, with its \
            splits, scenarios, cells and folds as children. The run folders stay the source of \
            truth: `quantbt runs reindex` rebuilds the index from them.

            Examples:
              quantbt runs list --experiment sma-crossover --sort-by metrics.sharpe --desc
              quantbt runs list --filter "metrics.sharpe > 1 and params.fast <= 20" --format json
              quantbt runs show latest
              quantbt runs compare 20261203T0123 20261203T0131 --only-changed --rtol 1e-6
            """,
        subcommands: [RunsList.self, RunsShow.self, RunsCompare.self, RunsTrades.self, RunsTag.self, RunsDelete.self, RunsReindex.self])
}

/// The repository root and artifacts folder `quantbt runs` works in, and its store.
struct RunsContext {
    let root: URL
    let artifacts: URL
    let path: String

    init(_ location: StoreLocation, artifacts folder: String? = nil) {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        root = ExperimentDirectory.packageRoot(containing: cwd) ?? cwd
        artifacts = folder.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL } ?? root.appendingPathComponent("artifacts")
        path = RunIndex.path(location.store, artifacts: artifacts)
    }

    /// The store; made from the folders when missing. Errors read as `error: ...`.
    func open() throws -> RunStore {
        do { return try RunIndex.open(path, artifacts: artifacts, root: root) } catch { throw CLIError("\(error)") }
    }

    func resolve(_ store: RunStore, _ id: String) throws -> String {
        do { return try store.resolve(id) } catch { throw CLIError("\(error)") }
    }
}

extension RunListing.Format: ExpressibleByArgument {}
