@_exported import Engine
@_exported import Model
import Config
import Analysis
import ArgumentParser
import CLIOptions
import Foundation
import Reports

/// The entry point of an experiment's executable. Its `main.swift` defines a strategy and
/// ends with one line:
///
/// ```swift
/// Experiment.main(MyStrategy.self)
/// ```
///
/// The executable takes the flags of `ExperimentCommand`; `quantbt run` (and validate,
/// sweep, walk-forward) builds it and passes them through.
public enum Experiment {
    public static func main<S: Strategy>(_ type: S.Type, arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        Interruption.install()
        MemoryTuning.keepFreedMemory()
        let command: ExperimentCommand
        do { command = try ExperimentCommand.parse(arguments) } catch { ExperimentCommand.exit(withError: error) }
        do {
            print(try command.run(S.self))
            exit(0)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            exit(1)
        }
    }
}

/// The flags of an experiment's executable, shared with `quantbt` through `CLIOptions`.
struct ExperimentCommand: ParsableCommand {
    /// This executable's name: the experiment's target, e.g. sma-crossover.
    static var executable: String { URL(fileURLWithPath: CommandLine.arguments.first ?? "experiment").lastPathComponent }

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: executable,
            abstract: "Run this experiment and write its artifacts under artifacts/<name>/<run-id>/.",
            discussion: """
                Usually started by `quantbt run` (or validate, sweep, walk-forward), which builds it first. \
                --validate runs the splits and stress scenarios; --sweep runs the `sweep:` grid (and --set \
                KEY=a,b,c or KEY=start:stop:step axes) on the train split; --walk-forward runs the \
                walk-forward folds.

                Examples:
                  \(executable) experiments/\(executable)
                  \(executable) experiments/\(executable) --set params.fast=5 --json
                """)
    }

    enum Mode: String, EnumerableFlag {
        case validate, sweep, walkForward

        static func help(for value: Mode) -> ArgumentHelp? {
            switch value {
            case .validate: "Run the splits and stress scenarios (what `quantbt validate` starts)."
            case .sweep: "Run the sweep grid on the train split."
            case .walkForward: "Run the walk-forward folds."
            }
        }
    }

    @Argument(help: "The experiment folder (default: experiments/<this executable's name>).")
    var directory: String?

    @Flag(exclusivity: .exclusive) var mode: Mode?
    @OptionGroup var set: OverrideOptions
    @OptionGroup var folds: FoldOptions
    @OptionGroup var workers: WorkerOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var index: StoreOptions

    @Option(help: ArgumentHelp("Write runs under this folder instead of artifacts/.", valueName: "dir"))
    var artifacts: String?

    /// Runs the study the flags name and returns what to print.
    func run<S: Strategy>(_ type: S.Type) throws -> String {
        let path = directory ?? "experiments/\(Self.executable)"
        let folder = try ExperimentDirectory(path: path)
        var runner = ExperimentRunner(root: folder.root, artifacts: artifacts.map { URL(fileURLWithPath: $0) })
        runner.gitFolder = folder.url
        runner.overrides = set.overrides
        (runner.storePath, runner.tags) = (index.store, index.tagMap)
        if let workers = workers.workers { runner.workers = workers }
        let json = output.json
        func text(_ value: CanonicalValue) -> String { value.json().trimmingCharacters(in: .newlines) }
        guard let mode else {
            let outcome = try runner.run(S.self, config: try folder.loadConfig(overrides: set.overrides, defaultStrategy: S.name))
            return json ? text(outcome.json) : RunSummary.text(outcome)
        }
        let (base, grid, configs) = try sweepConfigs(folder, S.self)
        let progress: ProgressHandler? = StudyProgress.machineReadable ? StudyProgress.lines
            : json ? nil : StudyProgress(label: mode == .walkForward ? "walk-forward" : mode.rawValue).handler
        switch mode {
        case .validate:
            let outcome = try runner.record(ValidationStudy<S>(config: base, grid: grid, configs: configs), progress: progress)
            return json ? text(outcome.json) : ValidationReport.summary(outcome)
        case .sweep:
            let outcome = try runner.record(try SweepStudy<S>(config: base, grid: grid, configs: configs), progress: progress)
            return json ? text(outcome.json) : SweepReport.summary(outcome)
        case .walkForward:
            let outcome = try runner.record(WalkForwardStudy<S>(config: base, grid: grid, configs: configs), progress: progress)
            return json ? text(outcome.json) : WalkForwardReport.summary(outcome)
        }
    }

    /// The base config (plain overrides applied, `--folds` set), the grid (`sweep:` with the
    /// `--set` axes replacing or adding to it) and one resolved config per combination.
    func sweepConfigs<S: Strategy>(_ folder: ExperimentDirectory, _ type: S.Type) throws -> (ExperimentConfig, ParameterGrid, [ExperimentConfig]) {
        let (plain, axes) = try set.split()
        var base = try folder.loadConfig(overrides: plain, defaultStrategy: S.name)
        var grid = base.sweep.grid
        for axis in axes {
            grid.axes.removeAll { $0.key == axis.key }
            grid.axes.append(axis)
        }
        base.sweep.grid = grid
        try grid.checkSize()
        if let folds = folds.folds { base.walkForward.folds = folds }
        let configs = try grid.combinations.map { c in
            do { return try folder.loadConfig(overrides: plain + grid.overrides(c), defaultStrategy: S.name) } catch {
                throw ConfigError("sweep \(grid.overrides(c).joined(separator: " ")): \(error)")
            }
        }
        return (base, grid, configs)
    }
}
