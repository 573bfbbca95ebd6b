import ArgumentParser
import Experiments
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create an experiment folder and register its target in Package.swift.",
        discussion: """
            Writes experiments/<name>/experiment.yaml, main.swift (a working 20-line strategy to \
            edit) and README.md, and adds "<name>" to experimentNames in Package.swift.

            Examples:
              quantbt new rsi-pullback
              quantbt run experiments/rsi-pullback
            """)

    @Argument(help: "The experiment's name: lowercase letters, digits and '-', e.g. rsi-pullback.")
    var name: String

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        guard let root = ExperimentDirectory.packageRoot(containing: cwd) else {
            throw CLIError("no Package.swift here or above; run quantbt new inside the QuantBT repository")
        }
        do {
            let dir = try Scaffold.create(name: name, root: root)
            print("created \(dir.path.replacingOccurrences(of: root.path + "/", with: ""))/ and registered it in Package.swift")
            print("next: edit its main.swift and experiment.yaml, then run: quantbt run experiments/\(name)")
        } catch { throw CLIError("\(error)") }
    }
}
