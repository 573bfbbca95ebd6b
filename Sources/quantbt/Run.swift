import ArgumentParser
import CLIOptions
import Experiments
import Foundation

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Build an experiment's target and run it.",
        discussion: """
            Builds the experiment's executable (same build configuration as this quantbt), \
            runs it on its config, writes artifacts/<name>/<run-id>/ (config.yaml, trades.csv, \
            fills.csv, equity.csv, rejections.csv, risk_events.csv, metrics.json, manifest.json) and prints a summary.

            Examples:
              quantbt run experiments/sma-crossover
              quantbt run experiments/sma-crossover --set params.fast=5 --set costs.commission=0.002
              quantbt run experiments/daily-momentum --json
            """)

    @Argument(help: "The experiment folder, e.g. experiments/sma-crossover.")
    var experiment: String

    @OptionGroup var set: OverrideOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var build: BuildOptions
    @OptionGroup var index: StoreOptions
    @Option(help: ArgumentHelp("Write the run under this folder instead of artifacts/.", valueName: "dir")) var artifacts: String?

    func validate() throws {
        // A list of values for a parameter is a sweep, which `run` cannot do.
        for o in set.sweepAxes where o.hasPrefix("params.") {
            throw ValidationError("--set '\(o)' gives several values: that is a sweep; run `quantbt sweep \(experiment) --set \(o)`, or give one value")
        }
    }

    func run() throws {
        // Validate the config here too, so a typo fails before a build.
        let (directory, _) = try openExperiment(experiment, overrides: set.overrides)
        var builder = ExperimentBuilder(root: directory.root)
        let binary = try builder.binary(for: directory.name, build: !build.noBuild)
        var args = [directory.url.path]
        for o in set.overrides { args += ["--set", o] }
        if output.json { args.append("--json") }
        args += index.arguments
        if let artifacts { args += ["--artifacts", artifacts] }
        let status = try builder.runInheritingOutput(binary, arguments: args)
        if status != 0 { throw ExitCode(status) }
    }
}
