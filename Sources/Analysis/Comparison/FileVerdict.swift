import Model

/// How one artifact of a run compares with its expected version.
public struct FileVerdict: Sendable {
    public enum Status: String, Sendable {
        case identical
        case withinTolerance = "within_tolerance"
        case mismatch
        /// Expected but not produced by the run.
        case missing
        /// Produced by the run but not expected.
        case added

        package var passes: Bool { self == .identical || self == .withinTolerance }
    }

    public var name: String
    public var status: Status
    package var table: TableComparison?
    package var document: DocumentComparison?

    package init(name: String, status: Status, table: TableComparison? = nil, document: DocumentComparison? = nil) {
        (self.name, self.status, self.table, self.document) = (name, status, table, document)
    }

    /// What a reader needs, most important first: the first divergence, counts, largest deviations.
    package var details: [String] {
        if let t = table { return Self.details(t, status: status) }
        if let d = document {
            let shown = d.changes.filter { status != .mismatch || $0.beyondTolerance }
            return shown.prefix(12).map(\.text) + (shown.count > 12 ? ["... and \(shown.count - 12) more"] : [])
        }
        switch status {
        case .missing: return ["in the goldens but not produced by the run"]
        case .added: return ["produced by the run but not in the goldens (bless to accept it)"]
        default: return []
        }
    }

    private static func details(_ t: TableComparison, status: Status) -> [String] {
        var lines: [String] = []
        if !t.columnsOnlyExpected.isEmpty { lines.append("columns missing from the run: \(t.columnsOnlyExpected.joined(separator: ", "))") }
        if !t.columnsOnlyActual.isEmpty { lines.append("columns added by the run: \(t.columnsOnlyActual.joined(separator: ", "))") }
        if status == .mismatch {
            if let first = t.firstDivergence { lines.append("first divergence: \(first)") }
            var counts = ["\(t.rowsBeyondTolerance) of \(t.expectedRows) rows differ beyond tolerance"]
            if !t.missing.isEmpty { counts.append("\(t.missing.count) missing") }
            if !t.added.isEmpty { counts.append("\(t.added.count) added") }
            if t.outOfOrder != nil { counts.append("rows out of order") }
            lines.append(counts.joined(separator: ", "))
        }
        for d in t.deviations {
            lines.append("largest deviation in \(d.column): |Δ| \(NumberFormat.short(d.absolute)) (rel \(NumberFormat.short(d.relative))) at \(t.describe(d.at))"
                + (d.beyondTolerance ? ", beyond tolerance" : ""))
        }
        return lines
    }

    package var canonical: CanonicalValue {
        var map: [String: CanonicalValue] = ["file": .string(name), "status": .string(status.rawValue)]
        if let t = table {
            map["rows_expected"] = .int(t.expectedRows)
            map["rows_actual"] = .int(t.actualRows)
            map["rows_beyond_tolerance"] = .int(t.rowsBeyondTolerance)
            map["rows_missing"] = .list(t.missing.map { .string(t.describe($0)) })
            map["rows_added"] = .list(t.added.map { .string(t.describe($0)) })
            map["first_divergence"] = t.firstDivergence.map { .string($0) } ?? .null
            map["columns_missing"] = .list(t.columnsOnlyExpected.map { .string($0) })
            map["columns_added"] = .list(t.columnsOnlyActual.map { .string($0) })
            map["largest_deviation"] = .map(Dictionary(uniqueKeysWithValues: t.deviations.map {
                ($0.column, CanonicalValue.map(["abs": .number($0.absolute), "rel": .number($0.relative), "at": .string(t.describe($0.at)),
                                                "beyond_tolerance": .bool($0.beyondTolerance)]))
            }))
        }
        if let d = document {
            map["changes"] = .list(d.changes.map { c in
                .map(["path": .string(c.path), "expected": c.expected.map { .string($0.display) } ?? .null,
                      "actual": c.actual.map { .string($0.display) } ?? .null,
                      "abs": c.absolute.map { .number($0) } ?? .null, "rel": c.relative.map { .number($0) } ?? .null,
                      "beyond_tolerance": .bool(c.beyondTolerance)])
            })
        }
        return .map(map)
    }
}
