import Analysis
import ArgumentParser
import CLIOptions
import Experiments

struct RunsCompare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Params and metrics of two or more runs side by side, with deltas against the first.",
        discussion: """
            A number that moved by at most atol + rtol x |first| counts as equal. Exit status: 0 \
            when nothing differs beyond tolerance, 3 when something does.

            Examples:
              quantbt runs compare 20261203T0123 20261203T0131
              quantbt runs compare A B C --only-changed --rtol 1e-6 --format md
            """)

    @Argument(help: "Two or more run ids (unique prefixes, or latest).") var ids: [String]
    @Flag(help: "Only the rows that differ beyond tolerance.") var onlyChanged = false
    @Option(help: "Absolute tolerance (default 0).") var atol = 0.0
    @Option(help: "Relative tolerance (default 0).") var rtol = 0.0
    @Option(help: "table, csv, md or json.") var format: RunListing.Format = .table
    @OptionGroup var location: StoreLocation

    func validate() throws {
        if ids.count < 2 { throw ValidationError("give two or more runs to compare, e.g. quantbt runs compare latest 20261203T0123") }
        if atol < 0 || rtol < 0 { throw ValidationError("--atol and --rtol must be 0 or more, e.g. --rtol 1e-6") }
    }

    func run() throws {
        let context = RunsContext(location)
        let store = try context.open()
        let runs = try ids.map { try store.run(try context.resolve(store, $0)) }
        let comparison = RunComparison(runs, tolerance: Tolerance(abs: atol, rel: rtol))
        print(comparison.render(format, onlyChanged: onlyChanged))
        if comparison.differs { throw ExitCode(ExitStatus.mismatch.rawValue) }
    }
}
