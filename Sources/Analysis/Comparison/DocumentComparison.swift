import Model

/// Compares two flat documents (metrics.json, config.yaml) path by path: numbers within a
/// tolerance, everything else exactly.
package struct DocumentComparison: Sendable {
    package struct Change: Sendable {
        package var path: String
        /// nil: the path is absent on that side.
        package var expected: FlatDocument.Leaf?
        package var actual: FlatDocument.Leaf?
        package var absolute: Double?
        package var relative: Double?
        package var tolerance: Tolerance?
        package var beyondTolerance: Bool

        package var text: String {
            switch (expected, actual) {
            case (nil, let a?): return "\(path): added, \(a.display)"
            case (let e?, nil): return "\(path): removed (was \(e.display))"
            default:
                var s = "\(path): expected \(expected!.display), got \(actual!.display)"
                if let d = absolute, let r = relative, let t = tolerance {
                    s += " (|Δ| \(NumberFormat.short(d)), rel \(NumberFormat.short(r)); tolerance abs \(NumberFormat.short(t.abs)) + rel \(NumberFormat.short(t.rel)))"
                }
                return s
            }
        }
    }

    package var file: String
    package var changes: [Change] = []

    package var isIdentical: Bool { changes.isEmpty }
    package var isWithinTolerance: Bool { !changes.contains { $0.beyondTolerance } }

    /// `tolerance` nil compares every leaf exactly (config.yaml).
    package init(file: String, expected: FlatDocument, actual: FlatDocument, tolerance: ((String) -> Tolerance)?) {
        self.file = file
        for path in Set(expected.leaves.keys).union(actual.leaves.keys).sorted() {
            let e = expected.leaves[path], a = actual.leaves[path]
            guard e != a else { continue }
            var change = Change(path: path, expected: e, actual: a, beyondTolerance: true)
            if case .number(let x)? = e, case .number(let y)? = a {
                change.absolute = abs(y - x)
                change.relative = x == 0 ? (y == 0 ? 0 : .infinity) : abs(y - x) / abs(x)
                if let tolerance {
                    let t = tolerance(path)
                    change.tolerance = t
                    change.beyondTolerance = !t.accepts(expected: x, actual: y)
                }
            }
            changes.append(change)
        }
    }
}
