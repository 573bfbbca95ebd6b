@_exported import Engine
@_exported import Model
import Foundation

/// The entry point of an experiment's executable. Its `main.swift` defines a strategy and
/// ends with one line:
///
/// ```swift
/// Experiment.main(MyStrategy.self)
/// ```
///
/// The executable takes `[EXPERIMENT-DIR] [--set KEY.PATH=VALUE]... [--json]
/// [--artifacts DIR] [--workers N]`; `quantbt run` builds it and passes these through.
public enum Experiment {
    public static func main<S: Strategy>(_ type: S.Type, arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        do {
            let options = try Options(arguments)
            if options.help {
                print(usage(executable: CommandLine.arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "experiment"))
                exit(0)
            }
            let path = options.directory ?? "experiments/\(URL(fileURLWithPath: CommandLine.arguments[0]).lastPathComponent)"
            let directory = try ExperimentDirectory(path: path)
            let config = try directory.loadConfig(overrides: options.overrides, defaultStrategy: S.name)
            var runner = ExperimentRunner(root: directory.root, artifacts: options.artifacts.map { URL(fileURLWithPath: $0) })
            runner.gitFolder = directory.url
            runner.overrides = options.overrides
            if let workers = options.workers { runner.workers = workers }
            if options.sweep || options.walkForward || options.validate {
                var plain: [String] = []
                var grid = config.sweep.grid
                for o in options.overrides {
                    let (key, value) = (String(o.prefix { $0 != "=" }), String(o.drop { $0 != "=" }.dropFirst()))
                    switch ParameterGrid.values(value) {
                    case .failure(let e): throw ConfigError("--set \(o): \(e)")
                    case .success(let values) where values.count > 1:
                        grid.axes.removeAll { $0.key == key }
                        grid.axes.append(.init(key: key, values: values))
                    case .success: plain.append(o)
                    }
                }
                var base = try directory.loadConfig(overrides: plain, defaultStrategy: S.name)
                base.sweep.grid = grid
                if let folds = options.folds { base.walkForward.folds = folds }
                let configs = try grid.combinations.map { c in
                    do { return try directory.loadConfig(overrides: plain + grid.overrides(c), defaultStrategy: S.name) } catch {
                        throw ConfigError("sweep \(grid.overrides(c).joined(separator: " ")): \(error)")
                    }
                }
                var report: (@Sendable (Int, Int) -> Void)? = nil
                if !options.json {
                    let progress = ValidationProgress(label: options.validate ? "validate" : options.sweep ? "sweep" : "walk-forward")
                    report = { done, total in progress.update(done, total) }
                }
                if options.validate {
                    let outcome = try runner.validate(S.self, config: base, grid: grid, configs: configs, progress: report)
                    print(options.json ? outcome.json.json().trimmingCharacters(in: .newlines) : ValidationSummary.text(outcome))
                } else if options.sweep {
                    let outcome = try runner.sweep(S.self, base: base, grid: grid, configs: configs, progress: report)
                    print(options.json ? outcome.json.json().trimmingCharacters(in: .newlines) : SweepPages.summary(outcome))
                } else {
                    let outcome = try runner.walkForward(S.self, base: base, grid: grid, configs: configs, progress: report)
                    print(options.json ? outcome.json.json().trimmingCharacters(in: .newlines) : WalkForwardPages.summary(outcome))
                }
                exit(0)
            }
            let outcome = try runner.run(S.self, config: config)
            print(options.json ? outcome.json.json().trimmingCharacters(in: .newlines) : RunSummary.text(outcome))
            exit(0)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            exit(1)
        }
    }

    static func usage(executable: String) -> String {
        """
        usage: \(executable) [EXPERIMENT-DIR] [--validate | --sweep | --walk-forward [--folds N]] [--set KEY.PATH=VALUE]...
               [--json] [--artifacts DIR] [--workers N]

        Runs the experiment in EXPERIMENT-DIR (default: experiments/\(executable)) and writes
        its artifacts under artifacts/<name>/<run-id>/. Usually started by `quantbt run`.
        --validate runs the splits and stress scenarios instead (what `quantbt validate` starts);
        --sweep runs the `sweep:` grid (and --set KEY=a,b,c or KEY=start:stop:step axes) on the
        train split; --walk-forward runs the walk-forward folds.
        --workers caps the parallel work (default: every core); artifacts do not depend on it.

        examples:
          \(executable) experiments/\(executable)
          \(executable) experiments/\(executable) --set params.fast=5 --set costs.commission=0.002 --json
        """
    }

    struct Options {
        var directory: String?
        var overrides: [String] = []
        var json = false
        var help = false
        var artifacts: String?
        var workers: Int?
        var validate = false
        var sweep = false
        var walkForward = false
        var folds: Int?

        init(_ args: [String]) throws {
            var i = 0
            func value(_ flag: String) throws -> String {
                i += 1
                guard i < args.count else { throw ConfigError("\(flag) needs a value, e.g. \(flag == "--set" ? "--set params.fast=10" : "\(flag) artifacts")") }
                return args[i]
            }
            while i < args.count {
                let a = args[i]
                switch a {
                case "--set", "-s": overrides.append(try value(a))
                case "--json": json = true
                case "--validate": validate = true
                case "--sweep": sweep = true
                case "--walk-forward": walkForward = true
                case "--folds":
                    let text = try value(a)
                    guard let n = Int(text), n >= 1 else { throw ConfigError("--folds: '\(text)' is not a whole number of at least 1") }
                    folds = n
                case "--help", "-h": help = true
                case "--artifacts": artifacts = try value(a)
                case "--workers":
                    let text = try value(a)
                    guard let n = Int(text), n >= 1 else { throw ConfigError("--workers: '\(text)' is not a whole number of at least 1") }
                    workers = n
                default:
                    if a.hasPrefix("--set=") { overrides.append(String(a.dropFirst(6))) }
                    else if a.hasPrefix("-") { throw ConfigError("unknown option '\(a)'; options: --validate, --sweep, --walk-forward, --folds N, --set KEY.PATH=VALUE, --json, --artifacts DIR, --workers N") }
                    else if directory == nil { directory = a }
                    else { throw ConfigError("unexpected argument '\(a)'; give one experiment folder") }
                }
                i += 1
            }
        }
    }
}
