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
        // Split on bytes: Character-wise splitting (grapheme breaking) made reading a run's
        // 10,000 trades back for the results store take 260 ms.
        for bytes in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            var line = Substring(bytes)
            if line.utf8.last == UInt8(ascii: "\r") { line = Substring(line.utf8.dropLast()) }  // a CRLF file
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
        guard line.utf8.contains(UInt8(ascii: "\"")) else {
            return line.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map { String(Substring($0)) }
        }
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
