import Model

/// Compares two versions of a CSV artifact row by row, as a researcher reads them: rows are
/// matched by the artifact's key (trades by symbol and entry time), numbers are compared
/// within a tolerance, and what was added, removed, changed or reordered is reported with
/// the first divergence in time.
package struct TableComparison: Sendable {
    /// A row's identity: its key fields and which repeat of that key it is.
    package struct RowKey: Hashable, Sendable {
        package var fields: [String]
        package var occurrence: Int
    }

    /// One row as a report names it.
    package struct RowRef: Sendable {
        package var key: RowKey
        /// The row's line in its file (header = line 1).
        package var line: Int
        /// Label columns with values, e.g. "trade_id 17".
        package var label: String
        /// The row's time (its first time key column), for ordering divergences.
        package var time: String
    }

    package struct FieldChange: Sendable {
        package var column: String
        package var expected: String
        package var actual: String
        /// |actual − expected| and that over |expected|, for numbers.
        package var absolute: Double?
        package var relative: Double?
        package var tolerance: Tolerance?
        package var beyondTolerance: Bool
    }

    package struct RowChange: Sendable {
        package var expected: RowRef
        package var actualLine: Int
        package var fields: [FieldChange]
        package var beyondTolerance: Bool { fields.contains { $0.beyondTolerance } }
    }

    /// The largest difference seen in one numeric column.
    package struct ColumnDeviation: Sendable {
        package var column: String
        package var absolute: Double
        package var relative: Double
        package var at: RowRef
        package var beyondTolerance: Bool
    }

    package var file: String
    package var keyColumns: [String]
    package var columnsOnlyExpected: [String] = []
    package var columnsOnlyActual: [String] = []
    package var missing: [RowRef] = []
    package var added: [RowRef] = []
    package var changed: [RowChange] = []
    /// The first row of the run that comes after a row it preceded in the expected file.
    package var outOfOrder: (row: RowRef, after: RowRef)?
    package var deviations: [ColumnDeviation] = []
    package var expectedRows = 0
    package var actualRows = 0

    package var rowsBeyondTolerance: Int { changed.filter(\.beyondTolerance).count }
    package var isIdentical: Bool { isWithinTolerance && changed.isEmpty }
    package var isWithinTolerance: Bool {
        columnsOnlyExpected.isEmpty && columnsOnlyActual.isEmpty && missing.isEmpty && added.isEmpty
            && outOfOrder == nil && rowsBeyondTolerance == 0
    }

    package init(expected: CSVTable, actual: CSVTable, schema: ArtifactSchema, tolerance: (String) -> Tolerance) {
        file = schema.name
        expectedRows = expected.rows.count
        actualRows = actual.rows.count
        columnsOnlyExpected = expected.header.filter { !actual.header.contains($0) }
        columnsOnlyActual = actual.header.filter { !expected.header.contains($0) }
        let common = expected.header.filter { actual.header.contains($0) }
        keyColumns = schema.key.allSatisfy(common.contains) ? schema.key : []
        let compared = common.filter { !keyColumns.contains($0) && !schema.labels.contains($0) }
        let labels = schema.labels.filter(common.contains)

        let e = Side(expected, key: keyColumns, labels: labels)
        let a = Side(actual, key: keyColumns, labels: labels)
        var matchedExpected = Set<Int>()
        var deviationByColumn: [String: ColumnDeviation] = [:]
        for (i, key) in e.keys.enumerated() {
            guard let j = a.index[key] else { missing.append(e.ref(i)); continue }
            matchedExpected.insert(i)
            var fields: [FieldChange] = []
            for column in compared {
                let x = expected.rows[i][expected.column(column)!], y = actual.rows[j][actual.column(column)!]
                guard x != y else { continue }
                var change = FieldChange(column: column, expected: x, actual: y, beyondTolerance: true)
                if let ex = Double(x), let ac = Double(y) {
                    let t = tolerance(column)
                    change.absolute = abs(ac - ex)
                    change.relative = ex == 0 ? (ac == 0 ? 0 : .infinity) : abs(ac - ex) / abs(ex)
                    change.tolerance = t
                    change.beyondTolerance = !t.accepts(expected: ex, actual: ac)
                    let current = deviationByColumn[column]
                    if current == nil || change.absolute! > current!.absolute || (change.beyondTolerance && !current!.beyondTolerance) {
                        deviationByColumn[column] = ColumnDeviation(
                            column: column, absolute: change.absolute!, relative: change.relative!, at: e.ref(i),
                            beyondTolerance: change.beyondTolerance || (current?.beyondTolerance ?? false))
                    }
                }
                fields.append(change)
            }
            if !fields.isEmpty { changed.append(RowChange(expected: e.ref(i), actualLine: actual.lines[j], fields: fields)) }
        }
        var lastExpected = -1
        var lastRef: RowRef?
        for (j, key) in a.keys.enumerated() {
            guard let i = e.index[key] else { added.append(a.ref(j)); continue }
            if i < lastExpected, outOfOrder == nil, let before = lastRef { outOfOrder = (a.ref(j), before) }
            if i > lastExpected { lastExpected = i; lastRef = a.ref(j) }
        }
        deviations = compared.compactMap { deviationByColumn[$0] }
    }

    /// The earliest divergence in time: a missing or added row, or a row changed beyond
    /// tolerance (or changed at all, when nothing is beyond tolerance).
    package var firstDivergence: String? {
        var candidates: [(time: String, line: Int, text: String)] = []
        candidates += missing.map { ($0.time, $0.line, "missing from the run: \(describe($0)) (golden line \($0.line))") }
        candidates += added.map { ($0.time, $0.line, "added by the run: \(describe($0)) (run line \($0.line))") }
        let significant = changed.filter(\.beyondTolerance)
        for change in significant.isEmpty ? changed : significant {
            let field = change.fields.first { $0.beyondTolerance } ?? change.fields[0]
            candidates.append((change.expected.time, change.expected.line,
                               "\(describe(change.expected)), line \(change.expected.line): \(Self.describe(field))"))
        }
        if let (row, before) = outOfOrder.map({ ($0.row, $0.after) }) {
            candidates.append((row.time, row.line, "row order: \(describe(row)) (run line \(row.line)) comes after \(describe(before)), which it preceded in the goldens"))
        }
        return candidates.min { ($0.time, $0.line) < ($1.time, $1.line) }?.text
    }

    package func describe(_ row: RowRef) -> String {
        let key = keyColumns.isEmpty ? "row \(row.key.occurrence + 1)" : zip(keyColumns, row.key.fields).map { "\($0) \($1)" }.joined(separator: ", ")
        let repeatNote = row.key.occurrence > 0 && !keyColumns.isEmpty ? " (repeat \(row.key.occurrence + 1))" : ""
        return (row.label.isEmpty ? key : "\(row.label) (\(key))") + repeatNote
    }

    package static func describe(_ f: FieldChange) -> String {
        var text = "\(f.column) expected \(f.expected), got \(f.actual)"
        if let d = f.absolute, let r = f.relative, let t = f.tolerance {
            text += " (|Δ| \(NumberFormat.short(d)), rel \(NumberFormat.short(r)); tolerance abs \(NumberFormat.short(t.abs)) + rel \(NumberFormat.short(t.rel)))"
        }
        return text
    }

    /// One file's rows by key.
    private struct Side {
        var keys: [RowKey] = []
        var index: [RowKey: Int] = [:]
        let table: CSVTable
        let keyIndexes: [Int], labelIndexes: [(String, Int)], timeIndex: Int?

        init(_ table: CSVTable, key: [String], labels: [String]) {
            self.table = table
            keyIndexes = key.compactMap(table.column)
            labelIndexes = labels.compactMap { name in table.column(name).map { (name, $0) } }
            timeIndex = key.first { $0.contains("time") }.flatMap(table.column)
            var seen: [[String]: Int] = [:]
            for (i, row) in table.rows.enumerated() {
                let fields = keyIndexes.map { row[$0] }
                let n = seen[fields, default: 0]
                seen[fields] = n + 1
                let k = RowKey(fields: fields, occurrence: n)
                keys.append(k)
                index[k] = i
            }
        }

        func ref(_ i: Int) -> RowRef {
            RowRef(key: keys[i], line: table.lines[i],
                   label: labelIndexes.map { "\($0.0) \(table.rows[i][$0.1])" }.joined(separator: ", "),
                   time: timeIndex.map { table.rows[i][$0] } ?? "")
        }
    }
}
