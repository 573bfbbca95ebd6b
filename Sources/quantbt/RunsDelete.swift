import ArgumentParser
import CLIOptions
import Experiments
import Foundation

struct RunsDelete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a run: its folder and its rows together.",
        discussion: "Asks first on a terminal; elsewhere needs --yes.\n\nExamples:\n  quantbt runs delete 20261203T0123\n  quantbt runs delete latest --yes")

    @Argument(help: "A run id, a unique prefix, or latest.") var id: String
    @Flag(help: "Delete without asking.") var yes = false
    @OptionGroup var location: StoreLocation

    func run() throws {
        let context = RunsContext(location)
        let store = try context.open()
        let run = try context.resolve(store, id)
        if !yes {
            guard isatty(0) == 1 else { throw CLIError("delete \(run): pass --yes to delete without a terminal to confirm on") }
            FileHandle.standardError.write(Data("delete \(run) and its folder? [y/N] ".utf8))
            guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else { print("kept \(run)"); return }
        }
        do { print("deleted \(try RunIndex.delete(store, id: run, root: context.root))") } catch { throw CLIError("\(error)") }
    }
}
