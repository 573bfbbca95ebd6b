import ArgumentParser
import CLIOptions
import Analysis
import Experiments
import Foundation
import RunProvenance

struct Bless: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bless",
        abstract: "Run an experiment and make its artifacts the goldens in golden/<name>/.",
        discussion: """
            Bless after a change that is meant to change results. It refuses while the git \
            working tree has uncommitted changes (goldens must be traceable to a commit) \
            unless --force, prints what changed against the previous goldens, and replaces \
            golden/<name>/ with every artifact of the run plus its manifest and provenance. \
            Review and commit the result with git.

            Exit status: 0 blessed, 9 refused (uncommitted changes), 1 any other error.

            Examples:
              quantbt bless experiments/sma-crossover
              quantbt bless experiments/daily-momentum --force
            """)

    @Argument(help: "The experiment folder, e.g. experiments/sma-crossover.")
    var experiment: String

    @Flag(help: "Bless even with uncommitted changes in the working tree.")
    var force = false

    @OptionGroup var build: BuildOptions

    @Flag(help: "Bless the validation run (`quantbt validate`) as golden/<name>-validation instead of the plain run.")
    var validation = false

    func run() throws {
        let (directory, config) = try openExperiment(experiment)
        let git: GitState?
        do { git = try GitInspector.state(of: directory.url) } catch { throw CLIError("cannot read the git state: \(error)") }
        if let refusal = Goldens.dirtyTreeRefusal(git, force: force) { throw failure(.dirtyTree, refusal) }

        var builder = ExperimentBuilder(root: directory.root)
        let binary = try builder.binary(for: directory.name, build: !build.noBuild)
        let run = try builder.runForRunFolder(binary, arguments: [directory.url.path] + (validation ? ["--validate"] : []))
        let goldenLabel = Goldens.label(directory.name, validation: validation)
        let golden = directory.root.appendingPathComponent(goldenLabel)
        let before = Goldens.changes(run: run, golden: golden, tolerances: config.tolerances, goldenLabel: goldenLabel)
        let large: [String]
        do { large = try Goldens.write(run: run, golden: golden) } catch { throw CLIError("cannot write \(goldenLabel): \(error)") }

        print("blessed \(run.path(relativeTo: directory.root)) as \(goldenLabel)\(git?.isDirty == true ? " (working tree dirty: --force)" : "")")
        switch before {
        case .success(let report) where report.status == .success:
            print("no artifact changed against the previous goldens (only provenance.json is new)")
        case .success(let report):
            print("changes against the previous goldens:")
            print(report.changeText)
        case .failure(let error):
            print("no previous goldens to compare with: \(error)")
        }
        for name in large {
            print("warning: \(goldenLabel)/\(name) is over \(Goldens.largeFileBytes / 1_000_000) MB; every re-bless adds that much to git history "
                + "(for equity.csv, set output.equity_every: 1h or 1d in experiment.yaml)")
        }
        print("review with `git diff --stat \(goldenLabel)` and commit")
    }
}
