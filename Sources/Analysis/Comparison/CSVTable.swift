import Foundation
import Model

/// A CSV artifact read back for comparison: header and rows as text, with line numbers.
/// Fields may be quoted ("..." with "" for a quote), as rejections.csv's detail is.
package struct CSVTable: Sendable {
    package var header: [String]
    package var rows: [[String]]
    /// The file line of each row (the header is line 1).
    package var lines: [Int]

    package init(text: String, name: String) throws {
        var header: [String]?
        var rows: [[String]] = [], lines: [Int] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty { continue }
            let fields = try Self.fields(of: line, name: name, line: lineNumber)
            if header == nil { header = fields; continue }
            guard fields.count == header!.count else {
                throw ArtifactError.unreadable("\(name):\(lineNumber): \(fields.count) fields, but the header has \(header!.count)")
            }
            rows.append(fields)
            lines.append(lineNumber)
        }
        guard let header else { throw ArtifactError.unreadable("\(name): empty file; expected a header line") }
        (self.header, self.rows, self.lines) = (header, rows, lines)
    }

    package func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    private static func fields(of line: Substring, name: String, line number: Int) throws -> [String] {
        guard line.contains("\"") else { return line.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        var fields: [String] = [], field = "", quoted = false
        var chars = line.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    let next = chars.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { fields.append(field); field = "" }
            else { field.append(c) }
        }
        if quoted { throw ArtifactError.unreadable("\(name):\(number): a quoted field is not closed") }
        fields.append(field)
        return fields
    }
}
