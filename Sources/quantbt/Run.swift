import ArgumentParser
import Experiments
import Foundation

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
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

    @Option(name: [.customLong("set"), .customShort("s")], help: "Override a config key: --set params.fast=10 (repeatable).")
    var overrides: [String] = []

    @Flag(help: "Print one JSON object (run_dir, metrics) instead of the summary.")
    var json = false

    @Flag(help: "Run the experiment binary as it is, without building it first.")
    var noBuild = false

    func validate() throws {
        for o in overrides where !o.contains("=") {
            throw ValidationError("--set '\(o)' must be KEY.PATH=VALUE, e.g. --set params.fast=10")
        }
        // A list of values for a parameter is a sweep, which `run` cannot do.
        for o in overrides where o.hasPrefix("params.") && isSweepAxis(o) {
            throw ValidationError("--set '\(o)' gives several values: that is a sweep; run `quantbt sweep \(experiment) --set \(o)`, or give one value")
        }
    }

    func run() throws {
        // Validate the config here too, so a typo fails before a build.
        let (directory, _) = try openExperiment(experiment, overrides: overrides)
        var builder = ExperimentBuilder(root: directory.root)
        let binary = try builder.binary(for: directory.name, build: !noBuild)
        var args = [directory.url.path]
        for o in overrides { args += ["--set", o] }
        if json { args.append("--json") }
        let status = try builder.runInheritingOutput(binary, arguments: args)
        if status != 0 { throw ExitCode(status) }
    }
}
