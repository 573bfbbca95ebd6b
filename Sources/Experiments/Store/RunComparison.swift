import Analysis
import Reports
import Store

/// `quantbt runs compare A B [C ...]`: params and metrics (every segment) side by side, each
/// later run against the first. A number that moved by no more than atol + rtol·|first| is
/// equal; anything else that differs is a change.
package struct RunComparison: Sendable {
    package struct Row: Sendable {
        package var key: String
        package var values: [String?]
        /// Per later run: the difference from the first (numbers only).
        package var deltas: [Double?]
        package var changed: Bool
    }

    package var ids: [String]
    package var rows: [Row]

    package var differs: Bool { rows.contains(where: \.changed) }

    package init(_ runs: [IndexedRun], tolerance: Tolerance) {
        ids = runs.map(\.run.id)
        var keys: [String] = [], values: [String: [String?]] = [:], numbers: [String: [Double?]] = [:]
        for (i, r) in runs.enumerated() {
            let pairs = r.params.map { ("params.\($0.key)", $0.text, $0.number) }
                + r.metrics.map { ("metrics.\($0.segment == "full" ? "" : $0.segment + ".")\($0.key)", $0.value.map(NumberFormat.value) ?? "null", $0.value) }
            for (key, text, number) in pairs {
                if values[key] == nil {
                    keys.append(key)
                    (values[key], numbers[key]) = (Array(repeating: nil, count: runs.count), Array(repeating: nil, count: runs.count))
                }
                values[key]![i] = text
                numbers[key]![i] = number
            }
        }
        rows = keys.sorted().map { key in
            let v = values[key]!, n = numbers[key]!
            var deltas: [Double?] = [], changed = false
            for i in v.indices.dropFirst() {
                if let a = n[0], let b = n[i] {
                    deltas.append(b - a)
                    if !tolerance.accepts(expected: a, actual: b) { changed = true }
                } else {
                    deltas.append(nil)
                    if v[i] != v[0] { changed = true }
                }
            }
            return Row(key: key, values: v, deltas: deltas, changed: changed)
        }
    }

    package func table(onlyChanged: Bool) -> ReportTable {
        var header = ["key", ids[0]]
        for id in ids.dropFirst() { header += [id, "Δ"] }
        header.append("")
        return ReportTable(header: header, rows: rows.filter { !onlyChanged || $0.changed }.map { r in
            var line = [r.key, r.values[0] ?? "-"]
            for i in r.values.indices.dropFirst() {
                line += [r.values[i] ?? "-", r.deltas[i - 1].map { ($0 >= 0 ? "+" : "") + NumberFormat.value($0) } ?? ""]
            }
            return line + [r.changed ? "differs" : "="]
        })
    }

    package func json(onlyChanged: Bool) -> CanonicalValue {
        .map([
            "runs": .list(ids.map { .string($0) }),
            "differs": .bool(differs),
            "rows": .list(rows.filter { !onlyChanged || $0.changed }.map { r in
                .map(["key": .string(r.key), "values": .list(r.values.map { $0.map { .string($0) } ?? .null }),
                      "deltas": .list(r.deltas.map { .optional($0) }), "changed": .bool(r.changed)])
            }),
        ])
    }

    package func render(_ format: RunListing.Format, onlyChanged: Bool) -> String {
        let table = table(onlyChanged: onlyChanged)
        switch format {
        case .json: return json(onlyChanged: onlyChanged).json().trimmingCharacters(in: .newlines)
        case .md: return MarkdownRenderer.table(table)
        case .csv: return ([table.header] + table.rows).map { $0.map(RunListing.field).joined(separator: ",") }.joined(separator: "\n")
        case .table: return TerminalTable.lines(table).joined(separator: "\n")
        }
    }
}
