import ArgumentParser
import CLIOptions
import Experiments
import Foundation

struct Backtest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Run a built-in strategy on data files, without an experiment folder.",
        discussion: """
            Writes the same artifacts as `quantbt run`, under artifacts/backtest-<strategy>/<run-id>/. \
            Built-in strategies: \(BuiltInStrategies.names.joined(separator: ", ")).

            Examples:
              quantbt backtest --strategy sma-crossover --data data/sample/ETHUSD-1h.csv
              quantbt backtest --strategy buy-and-hold --data data/sample/ALPHA-1d.csv --data data/sample/BETA-1d.csv
              quantbt backtest --strategy donchian-breakout --data data/sample/ETHUSD-1h.csv \\
                  --from 2023-03-01 --to 2023-06-30 --set params.entry=55 --set costs.commission=0.001 --json
            """)

    @Option(help: "A built-in strategy: \(BuiltInStrategies.names.joined(separator: ", ")).")
    var strategy: String

    @Option(help: "A CSV file of bars (repeatable, one per symbol).")
    var data: [String] = []

    @Option(help: "Symbol names, one per --data file, comma-separated (default: from the file names).")
    var symbols: String?

    @Option(help: "First date to trade, e.g. 2023-01-01.")
    var from: String?

    @Option(help: "Last date to trade (inclusive), e.g. 2023-12-31.")
    var to: String?

    @OptionGroup var set: OverrideOptions

    @OptionGroup var output: OutputOptions
    @OptionGroup var index: StoreOptions

    @Option(help: ArgumentHelp("Write the run under this folder instead of artifacts/.", valueName: "dir"))
    var artifacts: String?

    func validate() throws {
        if data.isEmpty { throw ValidationError("give at least one --data FILE, e.g. --data data/sample/ETHUSD-1h.csv") }
    }

    func run() throws {
        do {
            let config = try AdHocBacktest.config(
                strategy: strategy, files: data, symbols: symbols.map { $0.split(separator: ",").map(String.init) } ?? [],
                from: from, to: to, overrides: set.overrides)
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let root = ExperimentDirectory.packageRoot(containing: cwd) ?? cwd
            var runner = ExperimentRunner(root: root, artifacts: artifacts.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL })
            (runner.storePath, runner.tags) = (index.store, index.tagMap)
            let outcome = try runner.run(strategyType: BuiltInStrategies.named(strategy), config: config)
            print(output.json ? outcome.json.json().trimmingCharacters(in: .newlines) : RunSummary.text(outcome))
        } catch let error as CLIError { throw error } catch {
            throw CLIError("\(error)")
        }
    }
}
