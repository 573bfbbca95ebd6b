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
        var text = text
        // Bytes, not Characters: grapheme-wise splitting made reading a run's 10,000 trades
        // back for the results store take 260 ms. Lines without quotes (nearly all) are cut
        // at commas in place; a quoted line goes through `quotedFields`.
        try text.withUTF8 { bytes in
            var lineStart = 0
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                lineNumber += 1
                var end = lineEnd
                if end > lineStart && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }  // a CRLF file
                if end == lineStart { continue }
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
                let fields = line.contains(UInt8(ascii: "\""))
                    ? try Self.quotedFields(of: Substring(String(decoding: line, as: UTF8.self)), name: name, line: lineNumber)
                    : Self.plainFields(of: line, expected: header?.count ?? 8)
                if header == nil { header = fields; continue }
                guard fields.count == header!.count else {
                    throw ArtifactError.unreadable("\(name):\(lineNumber): \(fields.count) fields, but the header has \(header!.count)")
                }
                rows.append(fields)
                lines.append(lineNumber)
            }
        }
        guard let header else { throw ArtifactError.unreadable("\(name): empty file; expected a header line") }
        (self.header, self.rows, self.lines) = (header, rows, lines)
    }

    private static func plainFields(of line: UnsafeBufferPointer<UInt8>, expected: Int) -> [String] {
        var fields: [String] = []
        fields.reserveCapacity(expected)
        var start = 0
        for i in 0..<line.count where line[i] == UInt8(ascii: ",") {
            fields.append(String(decoding: UnsafeBufferPointer(rebasing: line[start..<i]), as: UTF8.self))
            start = i + 1
        }
        fields.append(String(decoding: UnsafeBufferPointer(rebasing: line[start...]), as: UTF8.self))
        return fields
    }

    package func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    private static func quotedFields(of line: Substring, name: String, line number: Int) throws -> [String] {
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
