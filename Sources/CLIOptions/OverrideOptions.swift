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
