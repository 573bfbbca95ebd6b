import Model

/// The combinations a sweep runs: one axis per swept key (`params.fast: [5, 10, 20]`,
/// `params.slow: "20:60:10"`, or `--set params.fast=5,10,20` on the command line), crossed
/// in a fixed order (the first axis varies slowest), so results come out in the same order
/// whatever the worker count.
public struct ParameterGrid: Sendable, Equatable {
    public struct Axis: Sendable, Equatable {
        /// A dotted config path, e.g. `params.fast`.
        public var key: String
        /// YAML scalars, in the order given.
        public var values: [String]

        public init(key: String, values: [String]) {
            (self.key, self.values) = (key, values)
        }
    }

    public var axes: [Axis]

    public init(axes: [Axis]) { self.axes = axes }

    public var isEmpty: Bool { axes.isEmpty }
    public var count: Int { axes.reduce(1) { $0 * $1.values.count } }

    /// The most combinations one sweep (or validate, or walk-forward) runs.
    public static let maxCombinations = 100_000

    /// The whole grid checked before any work: every axis may be within its own limit while
    /// their product is not (five axes of 10,000 overflow an Int), and such a grid would
    /// take hours and gigabytes before it said anything.
    public func checkSize() throws {
        var total = 1
        for axis in axes {
            let (product, overflow) = total.multipliedReportingOverflow(by: axis.values.count)
            guard !overflow, product <= Self.maxCombinations else {
                let sizes = axes.map { "\($0.key) (\(NumberFormat.grouped($0.values.count)))" }.joined(separator: " x ")
                let exact = axes.reduce(1.0) { $0 * Double($1.values.count) }
                let shown = exact < 1e15 ? NumberFormat.grouped(Int(exact)) : String(format: "%.3g", exact)
                throw ConfigError("sweep: the grid \(sizes) has \(shown) combinations; a sweep runs at most "
                    + "\(NumberFormat.grouped(Self.maxCombinations)): remove an axis, narrow one or take a larger step")
            }
            total = product
        }
    }

    /// Every combination as value indices per axis, first axis slowest.
    public var combinations: [[Int]] {
        var out: [[Int]] = [[]]
        for axis in axes { out = out.flatMap { prefix in axis.values.indices.map { prefix + [$0] } } }
        return out
    }

    /// The `--set` overrides of a combination.
    public func overrides(_ combination: [Int]) -> [String] {
        zip(axes, combination).map { "\($0.key)=\($0.values[$1])" }
    }

    /// `5,10,20` → three values; `5:50:5` → 5, 10, …, 50 (the stop included when the steps
    /// land on it); anything else is one value. Nil with a message for a malformed range.
    public static func values(_ text: String) -> Result<[String], RangeError> {
        if text.contains(",") && !text.hasPrefix("[") {
            return .success(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { return .success([text]) }
        guard let a = Double(parts[0]), let b = Double(parts[1]), let step = Double(parts[2]) else {
            return .failure(RangeError("'\(excerpt(text))' is not a range start:stop:step of numbers, e.g. 5:50:5"))
        }
        guard [a, b, step].allSatisfy(\.isFinite) else {
            return .failure(RangeError("'\(excerpt(text))': a range needs finite numbers (not inf or nan), e.g. 5:50:5"))
        }
        guard step > 0, b >= a else { return .failure(RangeError("'\(excerpt(text))': a range needs stop >= start and a step above 0, e.g. 5:50:5")) }
        // Counted as a Double first: 1:1e90:1 has more values than an Int holds (found by fuzzing).
        let steps = ((b - a) / step + 1e-9).rounded(.down)
        guard steps < 10_000 else {
            let count = steps < 1e15 ? NumberFormat.plain(steps + 1) : String(format: "about %.3g", steps)
            return .failure(RangeError("'\(excerpt(text))' has \(count) values; a sweep axis takes at most 10,000"))
        }
        let n = Int(steps)
        // Whole numbers print as integers only where an Int holds them exactly.
        let integral = [a, b, step].allSatisfy { $0 == $0.rounded() && abs($0) < 1e15 }
        return .success((0...n).map { i in
            let v = a + Double(i) * step
            return integral ? String(Int(v)) : abs(v) < 1e15 ? String((v * 1e9).rounded() / 1e9) : String(v)
        })
    }

    /// `KEY=a,b,c` or `KEY=start:stop:step`: a sweep axis; `KEY=value`: nil, a plain
    /// override. The one place a sweep axis on the command line is parsed.
    public static func axis(override: String) throws(RangeError) -> Axis? {
        let key = String(override.prefix { $0 != "=" }), value = String(override.drop { $0 != "=" }.dropFirst())
        switch values(value) {
        case .failure(let e): throw e
        case .success(let v) where v.count > 1: return Axis(key: key, values: v)
        case .success: return nil
        }
    }

    public struct RangeError: Error, CustomStringConvertible, Sendable {
        public var description: String
        init(_ d: String) { description = d }
    }
}
