import ArgumentParser
import CLIOptions
import Experiments

struct RunsShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one run: params, metrics by segment, provenance, artifacts, children.",
        discussion: "ID is a run id, a unique prefix of one, or latest.\n\nExamples:\n  quantbt runs show latest\n  quantbt runs show 20261203T01 --format json")

    @Argument(help: "A run id, a unique prefix, or latest.") var id: String
    @Option(help: "table or json.") var format: RunListing.Format = .table
    @OptionGroup var location: StoreLocation

    func run() throws {
        let context = RunsContext(location)
        let store = try context.open()
        let run = try store.run(try context.resolve(store, id))
        print(format == .json ? RunDetails.json(run).json().trimmingCharacters(in: .newlines) : RunDetails.text(run))
    }
}
