import ArgumentParser
import CLIOptions
import Experiments

/// What validate, sweep and walk-forward take: the experiment folder and the shared flags,
/// passed through to the experiment's binary.
struct ExperimentModeOptions: ParsableArguments {
    @Argument(help: "The experiment folder, e.g. experiments/risk-portfolio.")
    var experiment: String

    @OptionGroup var set: OverrideOptions
    @OptionGroup var workers: WorkerOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var build: BuildOptions
    @OptionGroup var index: StoreOptions
    @Option(help: ArgumentHelp("Write the run under this folder instead of artifacts/.", valueName: "dir")) var artifacts: String?

    /// Builds the experiment and runs its binary in `mode` (`--validate`, `--sweep`,
    /// `--walk-forward`); its output goes to the terminal.
    func run(mode: [String]) throws {
        let sweepAxes = set.sweepAxes
        let (directory, _) = try openExperiment(experiment, overrides: set.overrides.filter { !sweepAxes.contains($0) })
        var builder = ExperimentBuilder(root: directory.root)
        let binary = try builder.binary(for: directory.name, build: !build.noBuild)
        var args = [directory.url.path] + mode
        for o in set.overrides { args += ["--set", o] }
        if let workers = workers.workers { args += ["--workers", String(workers)] }
        if output.json { args.append("--json") }
        args += index.arguments
        if let artifacts { args += ["--artifacts", artifacts] }
        let status = try builder.runInheritingOutput(binary, arguments: args)
        if status != 0 { throw ExitCode(status) }
    }
}
