import ArgumentParser
import Experiments
import Foundation

struct Bless: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run an experiment and make its artifacts the goldens in golden/<name>/.",
        discussion: """
            The test suite checks every shipped experiment against its goldens; bless after a \
            change that is meant to change results, and review the diff of golden/ in git.

            Examples:
              quantbt bless experiments/sma-crossover
            """)

    @Argument(help: "The experiment folder, e.g. experiments/sma-crossover.")
    var experiment: String

    func run() throws {
        let directory: ExperimentDirectory
        do { directory = try ExperimentDirectory(path: experiment) } catch { throw CLIError("\(error)") }
        let binary = try ExperimentBuilder(root: directory.root).binary(for: directory.name, build: true)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("quantbt-bless-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let status = try ExperimentBuilder.runInheritingOutput(binary, arguments: [directory.url.path, "--artifacts", scratch.path], in: directory.root)
        if status != 0 { throw ExitCode(status) }
        let run = scratch.appendingPathComponent(directory.name).appendingPathComponent("latest").resolvingSymlinksInPath()
        let golden = directory.root.appendingPathComponent("golden").appendingPathComponent(directory.name)
        let before = (try? Goldens.compare(run: run, golden: golden)) ?? ["no previous goldens"]
        do { try Goldens.write(run: run, golden: golden) } catch { throw CLIError("cannot write goldens: \(error)") }
        print(before.isEmpty ? "golden/\(directory.name): unchanged" : "golden/\(directory.name): updated\n" + before.map { "  \($0)" }.joined(separator: "\n"))
    }
}
