import ArgumentParser
import CLIOptions
import Analysis
import Experiments
import Foundation

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Run an experiment and check its artifacts against its goldens.",
        discussion: """
            Runs the experiment (a normal run under artifacts/) and compares every artifact \
            with golden/<name>/. Identical SHA-256: exact pass. Otherwise CSV files are \
            compared row by row (trades matched by symbol and entry time) and metrics.json \
            key by key, within the experiment's `tolerances:` (default abs 1e-9 + rel 1e-9).

            --runs N runs it N times with 1, 2, ..., N workers and fails if any artifact \
            differs between runs (nondeterminism), naming the artifact.

            Exit status: 0 exact pass, 2 pass within tolerance, 3 mismatch, 4 nondeterministic, \
            5 goldens missing, 6 goldens corrupt, 1 any other error.

            Examples:
              quantbt verify experiments/daily-momentum
              quantbt verify experiments/sma-crossover --runs 3
              quantbt verify experiments/daily-momentum --json
            """)

    @Argument(help: "The experiment folder, e.g. experiments/sma-crossover.")
    var experiment: String

    @Option(help: "Run the experiment this many times (1, 2, ... workers) and check every run wrote the same artifacts.")
    var runs = 1

    @OptionGroup var output: OutputOptions

    @OptionGroup var build: BuildOptions

    @Flag(help: "Verify the validation run (`quantbt validate`) against golden/<name>-validation.")
    var validation = false

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1, e.g. --runs 3") }
    }

    func run() throws {
        let (directory, config) = try openExperiment(experiment)
        let goldenLabel = Goldens.label(directory.name, validation: validation)
        let golden = directory.root.appendingPathComponent(goldenLabel)
        // Broken goldens fail before anything is built or run.
        _ = try withArtifactErrors { try GoldenVerifier.checkedGoldens(golden, label: goldenLabel) }

        var builder = ExperimentBuilder(root: directory.root)
        let binary = try builder.binary(for: directory.name, build: !build.noBuild)
        var results: [DeterminismReport.Run] = []
        let progress = Progress(total: runs, quiet: output.json || runs == 1)
        for i in 1...runs {
            // One run uses every core; N runs use 1, 2, ..., N workers, so any dependence
            // on the worker count shows as a difference.
            let workers = runs == 1 ? ProcessInfo.processInfo.activeProcessorCount : i
            progress.started(i, "\(workers) worker\(workers == 1 ? "" : "s")")
            let folder = try builder.runForRunFolder(binary, arguments: [directory.url.path, "--workers", "\(workers)"] + (validation ? ["--validate"] : []))
            let hashes = try withArtifactErrors { try GoldenVerifier.checkedRun(folder, label: folder.path(relativeTo: directory.root)) }
            results.append(.init(directory: folder.path(relativeTo: directory.root), workers: workers, hashes: hashes))
            progress.finished(i)
        }
        let first = directory.root.appendingPathComponent(results[0].directory)
        let report = try withArtifactErrors {
            try GoldenVerifier.verify(run: first, golden: golden, tolerances: config.tolerances,
                                      labels: (run: results[0].directory, golden: goldenLabel))
        }
        let determinism = runs > 1 ? DeterminismReport(runs: results) : nil
        let status = determinism.map { $0.isDeterministic ? report.status : .nondeterministic } ?? report.status
        if output.json {
            var object = report.canonical
            if case .map(var map) = object {
                map["determinism"] = determinism?.canonical ?? .null
                map["exit_code"] = .int(Int(status.rawValue))
                object = .map(map)
            }
            print(object.json().trimmingCharacters(in: .newlines))
        } else {
            print(report.text)
            if let determinism { print(determinism.text) }
        }
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
