import Analysis
import ArgumentParser

/// `--set KEY.PATH=VALUE` (repeatable): config overrides, where a value list
/// (`params.fast=5,10,20`) or range (`params.slow=20:60:10`) is a sweep axis.
public struct OverrideOptions: ParsableArguments {
    @Option(name: [.customLong("set"), .customShort("s")],
            help: ArgumentHelp("Override a config key: --set params.fast=10; a list (=5,10,20) or range (=5:50:5) sweeps it (repeatable).",
                               valueName: "key.path=value"))
    public var overrides: [String] = []

    public init() {}

    public func validate() throws {
        for o in overrides where !o.contains("=") {
            throw ValidationError("--set '\(o)' must be KEY.PATH=VALUE, e.g. --set params.fast=10")
        }
    }

    /// The overrides that set one value, in order, and the sweep axes they give.
    public func split() throws -> (plain: [String], axes: [ParameterGrid.Axis]) {
        var plain: [String] = [], axes: [ParameterGrid.Axis] = []
        for o in overrides {
            do {
                if let axis = try ParameterGrid.axis(override: o) { axes.append(axis) } else { plain.append(o) }
            } catch { throw ValidationError("--set \(o): \(error)") }
        }
        return (plain, axes)
    }

    /// The overrides that are sweep axes (or malformed ranges, which the experiment reports).
    public var sweepAxes: [String] { overrides.filter { (try? ParameterGrid.axis(override: $0)) != .some(nil) } }
}

/// `--json`: one JSON object on standard output instead of the text summary.
public struct OutputOptions: ParsableArguments {
    @Flag(help: "Print one JSON object (run_dir and the results) instead of the summary; progress stays off.")
    public var json = false

    public init() {}
}

/// `--workers N`: the most backtests at once; results never depend on it.
public struct WorkerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("At most this many backtests at once (default: every core); the artifacts do not depend on it.", valueName: "n"))
    public var workers: Int?

    public init() {}

    public func validate() throws {
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1, e.g. --workers 2") }
    }
}

/// `--folds N` for walk-forward.
public struct FoldOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Number of walk-forward folds (default: walk_forward.folds, 6).", valueName: "n"))
    public var folds: Int?

    public init() {}

    public func validate() throws {
        if let folds, folds < 1 { throw ValidationError("--folds must be at least 1, e.g. --folds 6") }
    }
}

/// `--no-build`: run the experiment's binary as it is.
public struct BuildOptions: ParsableArguments {
    @Flag(help: "Run the experiment binary as it is, without building it first.")
    public var noBuild = false

    public init() {}
}

/// `--store PATH`: the results store to use.
public struct StoreLocation: ParsableArguments {
    @Option(help: ArgumentHelp("The results store (default: $QUANTBT_STORE, else artifacts/runs.sqlite).", valueName: "path"))
    public var store: String?

    public init() {}
}

/// Where runs are indexed, and the tags a run is indexed with.
public struct StoreOptions: ParsableArguments {
    @OptionGroup public var location: StoreLocation

    @Option(name: .customLong("tag"), help: ArgumentHelp("Tag the run: --tag author=ana (repeatable); `quantbt runs list --filter \"tags.author = 'ana'\"` finds it.",
                                                         valueName: "key=value"))
    public var tags: [String] = []

    public init() {}

    public var store: String? { location.store }

    public func validate() throws {
        for t in tags where !t.contains("=") || t.hasPrefix("=") {
            throw ValidationError("--tag '\(t)' must be KEY=VALUE, e.g. --tag author=ana")
        }
    }

    /// The tags as a map (a later --tag of the same key wins).
    public var tagMap: [String: String] {
        Dictionary(tags.map { (String($0.prefix { $0 != "=" }), String($0.drop { $0 != "=" }.dropFirst())) }) { _, b in b }
    }

    /// The flags again, for passing on to an experiment's binary.
    public var arguments: [String] { (store.map { ["--store", $0] } ?? []) + tags.flatMap { ["--tag", $0] } }
}
