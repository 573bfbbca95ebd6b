/// A `ReportTable` padded into columns for a terminal: first column left, the rest right.
package enum TerminalTable {
    /// `columns` keeps only the first n columns (a long last column reads badly there).
    package static func lines(_ t: ReportTable, columns: Int? = nil) -> [String] {
        let rows = [t.header] + t.rows
        let count = columns ?? t.header.count
        let widths = (0..<count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            "  " + (0..<count).map { c in c == 0 ? pad(row[c], widths[c]) : padLeft(row[c], widths[c]) }.joined(separator: "  ")
        }
    }

    package static func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
    package static func padLeft(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
}
