import ArgumentParser
import CLIOptions
import Experiments

struct RunsTag: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag", abstract: "Tag a run (kept in its folder's tags.json and in the store).",
        discussion: "Examples:\n  quantbt runs tag latest author=ana\n  quantbt runs tag 20261203T01 verdict=promising")

    @Argument(help: "A run id, a unique prefix, or latest.") var id: String
    @Argument(help: ArgumentHelp("The tag, KEY=VALUE.", valueName: "key=value")) var tag: String
    @OptionGroup var location: StoreLocation

    func validate() throws {
        if !tag.contains("=") || tag.hasPrefix("=") { throw ValidationError("the tag '\(tag)' must be KEY=VALUE, e.g. author=ana") }
    }

    func run() throws {
        let context = RunsContext(location)
        let store = try context.open()
        let run = try context.resolve(store, id)
        let key = String(tag.prefix { $0 != "=" }), value = String(tag.drop { $0 != "=" }.dropFirst())
        do { try RunIndex.tag(store, id: run, key: key, value: value, root: context.root) } catch { throw CLIError("\(error)") }
        print("tagged \(run) \(key)=\(value)")
    }
}
