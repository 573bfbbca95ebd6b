import Model

/// How far a number may move before two runs count as different.
///
/// `accepts(expected:actual:)` passes when |actual − expected| ≤ abs + rel·|expected|,
/// the rule numpy's `isclose` uses. NaN equals NaN and infinities must match exactly.
public struct Tolerance: Sendable, Equatable {
    public var abs: Double
    public var rel: Double

    public static let `default` = Tolerance(abs: 1e-9, rel: 1e-9)
    public static let exact = Tolerance(abs: 0, rel: 0)

    public init(abs: Double, rel: Double) {
        (self.abs, self.rel) = (abs, rel)
    }

    public func accepts(expected: Double, actual: Double) -> Bool {
        if expected.isNaN || actual.isNaN { return expected.isNaN && actual.isNaN }
        if expected.isInfinite || actual.isInfinite { return expected == actual }
        return Swift.abs(actual - expected) <= abs + rel * Swift.abs(expected)
    }
}

/// The `tolerances:` section of a config: a default, then per artifact file, then per
/// column (CSV) or per metric (metrics.json). A level that sets only `abs` or only `rel`
/// takes the other from the level above.
///
/// ```yaml
/// tolerances:
///   default: {abs: 1e-9, rel: 1e-9}
///   equity.csv: {abs: 1e-6, columns: {cash: {abs: 0.01}}}
///   metrics.json: {rel: 1e-6, metrics: {sharpe: {abs: 1e-4}}}
/// ```
///
/// Tolerances say how runs are compared, not how they run, so they are not part of the
/// run's config.yaml or its hash: loosening one never makes a run differ from its goldens.
public struct ToleranceSet: Sendable, Equatable {
    public struct Level: Sendable, Equatable {
        public var abs: Double?
        public var rel: Double?

        package init(abs: Double? = nil, rel: Double? = nil) {
            (self.abs, self.rel) = (abs, rel)
        }

        package func applied(to base: Tolerance) -> Tolerance { Tolerance(abs: abs ?? base.abs, rel: rel ?? base.rel) }
    }

    public struct FileLevel: Sendable, Equatable {
        public var level = Level()
        /// Column names (CSV) or metric paths (metrics.json, e.g. `sharpe` or `metrics.sharpe`).
        public var fields: [String: Level] = [:]

        package init(level: Level = Level(), fields: [String: Level] = [:]) {
            (self.level, self.fields) = (level, fields)
        }
    }

    public var base = Level()
    public var files: [String: FileLevel] = [:]

    public init() {}

    /// The tolerance for one column of one file.
    public func tolerance(file: String, field: String) -> Tolerance {
        let start = base.applied(to: .default)
        guard let f = files[file] else { return start }
        let fileTolerance = f.level.applied(to: start)
        let short = field.hasPrefix("metrics.") ? String(field.dropFirst("metrics.".count)) : field
        guard let column = f.fields[field] ?? f.fields[short] else { return fileTolerance }
        return column.applied(to: fileTolerance)
    }
}
