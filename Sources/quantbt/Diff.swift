import ArgumentParser
import CLIOptions
import Analysis
import Experiments
import Foundation

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two runs: config, provenance, metrics, trades and equity.",
        discussion: """
            A and B are run folders (artifacts/<name>/<run-id>), experiment folders (their \
            latest run), artifacts/<name> (its latest run) or golden folders (golden/<name>). \
            Deltas are B − A. Trades are matched by (symbol, entry time) and listed as added, \
            removed or changed; equity reports the first timestamp where the curves differ \
            beyond tolerance and the largest gap.

            Exit status: 0 compared (whether or not anything differs), 7 a folder is not a \
            finished run, 8 runs of different experiments, 1 any other error.

            Examples:
              quantbt diff golden/sma-crossover experiments/sma-crossover
              quantbt diff artifacts/sma-crossover/20261121T120000Z-1a2b3c4d artifacts/sma-crossover/latest
              quantbt diff golden/daily-momentum experiments/daily-momentum --json
            """)

    @Argument(help: "The run to compare from (before).")
    var a: String

    @Argument(help: "The run to compare to (after).")
    var b: String

    @OptionGroup var output: OutputOptions

    @Flag(help: "Compare runs even when they are of different experiments.")
    var anyExperiment = false

    func run() throws {
        let root = ExperimentDirectory.packageRoot(containing: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let diff = try withArtifactErrors {
            let first = try LocatedRun.locate(a, root: root), second = try LocatedRun.locate(b, root: root)
            // Tolerances come from the experiment's config when it is at hand.
            let tolerances = (try? ExperimentDirectory(path: root.appendingPathComponent("experiments/\(second.experiment)").path)
                .loadConfig(overrides: [], defaultStrategy: "").tolerances) ?? ToleranceSet()
            return try RunDiff.compute(first, second, tolerances: tolerances, allowDifferentExperiments: anyExperiment)
        }
        print(output.json ? diff.canonical.json().trimmingCharacters(in: .newlines) : diff.text)
    }
}
