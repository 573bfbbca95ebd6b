import ArgumentParser
import CLIOptions
import Experiments
import Store

struct RunsTrades: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trades", abstract: "Every closed trade of a run, as CSV (trades.csv's columns) or JSON.",
        discussion: "Examples:\n  quantbt runs trades latest\n  quantbt runs trades 20261203T01 --format json")

    enum Format: String, ExpressibleByArgument { case csv, json }

    @Argument(help: "A run id, a unique prefix, or latest.") var id: String
    @Option(help: "csv or json.") var format: Format = .csv
    @OptionGroup var location: StoreLocation

    func run() throws {
        let context = RunsContext(location)
        let store = try context.open()
        let trades = try store.trades(try context.resolve(store, id))
        print(format == .json ? TradeListing.json(trades) : TradeListing.csv(trades))
    }
}
