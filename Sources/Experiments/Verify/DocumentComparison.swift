/// Compares two flat documents (metrics.json, config.yaml) path by path: numbers within a
/// tolerance, everything else exactly.
struct DocumentComparison: Sendable {
    struct Change: Sendable {
        var path: String
        /// nil: the path is absent on that side.
        var expected: FlatDocument.Leaf?
        var actual: FlatDocument.Leaf?
        var absolute: Double?
        var relative: Double?
        var tolerance: Tolerance?
        var beyondTolerance: Bool

        var text: String {
            switch (expected, actual) {
            case (nil, let a?): return "\(path): added, \(a.display)"
            case (let e?, nil): return "\(path): removed (was \(e.display))"
            default:
                var s = "\(path): expected \(expected!.display), got \(actual!.display)"
                if let d = absolute, let r = relative, let t = tolerance {
                    s += " (|Δ| \(Format.short(d)), rel \(Format.short(r)); tolerance abs \(Format.short(t.abs)) + rel \(Format.short(t.rel)))"
                }
                return s
            }
        }
    }

    var file: String
    var changes: [Change] = []

    var isIdentical: Bool { changes.isEmpty }
    var isWithinTolerance: Bool { !changes.contains { $0.beyondTolerance } }

    /// `tolerance` nil compares every leaf exactly (config.yaml).
    init(file: String, expected: FlatDocument, actual: FlatDocument, tolerance: ((String) -> Tolerance)?) {
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
