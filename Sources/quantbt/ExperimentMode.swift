import ArgumentParser
import Experiments

/// Builds an experiment and runs its binary in one of its modes (`--validate`, `--sweep`,
/// `--walk-forward`), passing the shared options through; its output goes to the terminal.
func runExperimentMode(_ experiment: String, mode: [String], overrides: [String], workers: Int?, json: Bool, noBuild: Bool) throws {
    let (directory, _) = try openExperiment(experiment, overrides: overrides.filter { !isSweepAxis($0) })
    var builder = ExperimentBuilder(root: directory.root)
    let binary = try builder.binary(for: directory.name, build: !noBuild)
    var args = [directory.url.path] + mode
    for o in overrides { args += ["--set", o] }
    if let workers { args += ["--workers", String(workers)] }
    if json { args.append("--json") }
    let status = try builder.runInheritingOutput(binary, arguments: args)
    if status != 0 { throw ExitCode(status) }
}

/// `params.fast=5,10,20` or `params.fast=5:50:5`: a sweep axis, not a plain override.
func isSweepAxis(_ override: String) -> Bool {
    let value = override.drop { $0 != "=" }.dropFirst()
    if case .success(let values) = ParameterGrid.values(String(value)) { return values.count > 1 }
    return true  // a malformed range: the experiment reports it
}

/// Checks shared by the modes' `validate()`.
func checkModeOptions(overrides: [String], workers: Int?) throws {
    for o in overrides where !o.contains("=") {
        throw ValidationError("--set '\(o)' must be KEY.PATH=VALUE, e.g. --set params.fast=10")
    }
    if let workers, workers < 1 { throw ValidationError("--workers must be at least 1, e.g. --workers 2") }
}
