import Foundation
import Model

/// Reads OHLCV bars from CSV bytes into columns, validating as it goes.
///
/// Speed: the file is mapped and parsed in place; a row is split by byte offsets into a
/// reused buffer, numbers go through `FastNumberParser` and timestamps through
/// `Timestamp.parse(bytes:)`, so no String is made per field; rows that pass every check go
/// straight into columns sized up front (`ColumnBuffers`). About 500 MB/s on one core.
public enum CSVBarLoader {
    public struct Loaded: Sendable {
        public var series: BarSeries
        public var report: ValidationReport
    }

    /// `parallelThreshold`: see `parse`; `.max` parses in one pass on this thread.
    public static func load(path: String, symbol: String, checks: DataChecks = .init(),
                            parallelThreshold: Int = 4 << 20) throws -> Loaded {
        guard FileManager.default.fileExists(atPath: path) else {
            throw DataError("cannot read data file '\(path)': no such file; check data.files in the experiment config "
                + "(paths are relative to the repository root), or generate the sample data (see data/README.md)")
        }
        // Mapped, not copied: the parser reads each byte once, in order.
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else {
            throw DataError("cannot read data file '\(path)': permission denied or not a regular file")
        }
        return try data.withUnsafeBytes {
            try parse($0, source: path, symbol: symbol, checks: checks, parallelThreshold: parallelThreshold)
        }
    }

    public static func parse(_ text: String, source: String, symbol: String, checks: DataChecks = .init(),
                             parallelThreshold: Int = 4 << 20) throws -> Loaded {
        var bytes = Array(text.utf8)
        return try bytes.withUnsafeMutableBytes {
            try parse(UnsafeRawBufferPointer($0), source: source, symbol: symbol, checks: checks, parallelThreshold: parallelThreshold)
        }
    }

    /// The longest line accepted: a bar is a few dozen bytes, so a longer line is not bar
    /// data (a binary file, a file without newlines), and is refused before it is split.
    public static let maxLineBytes = 65_536

    static func tooLong(_ source: String, line: Int, bytes: Int) -> DataError {
        DataError("\(source):\(line): the line is \(bytes) bytes long; a line of bar data is at most 65,536 (is this a CSV file of bars, "
            + "one bar per line?)")
    }

    /// Bodies of `parallelThreshold` bytes or more are parsed in two halves on two cores.
    public static func parse(_ p: UnsafeRawBufferPointer, source: String, symbol: String, checks: DataChecks,
                             parallelThreshold: Int = 4 << 20) throws -> Loaded {
        var position = 0
        let n = p.count
        if n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { position = 3 }  // UTF-8 BOM
        func lineEnd(from start: Int) -> Int {
            guard start < n, let base = p.baseAddress else { return n }
            guard let hit = memchr(base + start, 10, n - start) else { return n }
            return base.distance(to: UnsafeRawPointer(hit))
        }
        let headerEnd = lineEnd(from: position)
        if headerEnd - position > maxLineBytes { throw tooLong(source, line: 1, bytes: headerEnd - position) }
        guard headerEnd > position else { throw DataError("\(source): the file is empty; expected a header line timestamp,open,high,low,close,volume") }
        let header = String(decoding: UnsafeRawBufferPointer(rebasing: p[position..<headerEnd]), as: UTF8.self)
            .split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let columns = try CSVColumns(header: header, source: source)
        position = headerEnd + 1

        let rows = RowParser(p: p, columns: columns, source: source, symbol: symbol, checks: checks)
        let bodyBytes = n - position
        guard bodyBytes >= parallelThreshold else { return try rows.parse(from: position, to: n, firstLine: 2) }
        return try rows.parseInTwoHalves(from: position, to: n)
    }
}

/// Parses the rows of a CSV body (after the header) into a series.
private struct RowParser: @unchecked Sendable {  // reads `p` only, and each task its own range
    let p: UnsafeRawBufferPointer
    let columns: CSVColumns
    let source: String
    let symbol: String
    let checks: DataChecks

    /// Room for the rows of `start..<end`, from the line length of its first 64 KB and a
    /// quarter more: bar files keep one layout, so their lines are alike. A parse that
    /// fills it stops (`RoomExhausted`) and is run again with the lines counted.
    private func roomEstimate(from start: Int, to end: Int) -> Int {
        let sample = min(end - start, 65_536)
        let lines = countLines(from: start, to: start + sample)
        guard lines > 0 && sample < end - start else { return lines + 1 }
        return Int(Double(end - start) / (Double(sample) / Double(lines)) * 1.25) + 64
    }

    /// A parse filled the room it was given.
    private struct RoomExhausted: Error {}

    /// Parses the two halves of the body on two cores, straight into one set of columns:
    /// the first half from row 0, the second from the first half's line count (known
    /// exactly: the second half's line numbers need it), moved down over any blank lines.
    /// The result is the sequential parse's exactly: clean data takes this path; anything
    /// the checks flag, an error, or a second half that does not start strictly after the
    /// first ends is parsed again in one pass, so messages, line numbers and drops come out
    /// as they would have.
    func parseInTwoHalves(from start: Int, to end: Int) throws -> CSVBarLoader.Loaded {
        var middle = start + (end - start) / 2
        while middle < end && p[middle - 1] != 10 { middle += 1 }
        let split = middle
        guard split < end else { return try parse(from: start, to: end, firstLine: 2) }
        let firstHalfLines = countLines(from: start, to: split)
        var reports: [ValidationReport] = []
        var clean = false
        let capacity = firstHalfLines + roomEstimate(from: split, to: end)
        let series = try? ColumnBuffers.build(symbol: symbol, capacity: capacity) { columns in
            let halves = try [(start, split, 2, 0, firstHalfLines), (split, end, 2 + firstHalfLines, firstHalfLines, capacity)]
                .orderedConcurrentMap { range in
                    try parse(from: range.0, to: range.1, firstLine: range.2, into: columns, at: range.3, limit: range.4)
                }
            reports = halves.map(\.report)
            let (a, b) = (halves[0].rows, halves[1].rows)
            clean = halves.allSatisfy { $0.report.issueCount == 0 } && a > 0 && b > 0
                && columns.times[firstHalfLines] > columns.times[a - 1]
            if clean && a < firstHalfLines { columns.moveRows(from: firstHalfLines, to: a, count: b) }
            return clean ? a + b : 0
        }
        guard clean, let series else { return try parse(from: start, to: end, firstLine: 2) }
        var report = reports[0]
        report.merge(reports[1])
        return CSVBarLoader.Loaded(series: series, report: report)
    }

    private func countLines(from start: Int, to end: Int) -> Int {
        var count = 0, at = start
        while at < end, let base = p.baseAddress, let hit = memchr(base + at, 10, end - at) {
            count += 1
            at = base.distance(to: UnsafeRawPointer(hit)) + 1
        }
        return count
    }

    /// Parses `start..<n` in one pass into a series of its own: with room estimated, or,
    /// when that was too little, with the lines counted.
    func parse(from start: Int, to n: Int, firstLine: Int) throws -> CSVBarLoader.Loaded {
        do {
            return try parse(from: start, to: n, firstLine: firstLine, room: roomEstimate(from: start, to: n))
        } catch is RoomExhausted {
            return try parse(from: start, to: n, firstLine: firstLine, room: countLines(from: start, to: n) + 1)
        }
    }

    private func parse(from start: Int, to n: Int, firstLine: Int, room: Int) throws -> CSVBarLoader.Loaded {
        var report = ValidationReport()
        let series = try ColumnBuffers.build(symbol: symbol, capacity: room) { columns in
            let parsed = try parse(from: start, to: n, firstLine: firstLine, into: columns, at: 0, limit: room)
            report = parsed.report
            return parsed.rows
        }
        return CSVBarLoader.Loaded(series: series, report: report)
    }

    /// Parses the rows of `start..<n` into `out` from row `first`, below row `limit`;
    /// returns how many it kept and the checks' report.
    func parse(from start: Int, to n: Int, firstLine: Int, into out: ColumnPointers, at first: Int, limit: Int) throws
        -> (rows: Int, report: ValidationReport) {
        // Locals, so the per-row closure below captures two values, not a copy of `self`
        // (which retains every field per row, and makes two threads fight over refcounts).
        let p = self.p, columns = self.columns, source = self.source
        var position = start
        func lineEnd(from start: Int) -> Int {
            guard start < n, let base = p.baseAddress else { return n }
            guard let hit = memchr(base + start, 10, n - start) else { return n }
            return base.distance(to: UnsafeRawPointer(hit))
        }
        var row = first
        var validator = BarValidator(checks: checks)
        // Each field's byte range; pointers, not arrays: an array written six times a row
        // checks six times that its buffer is not shared.
        let starts = UnsafeMutablePointer<Int>.allocate(capacity: columns.count + 1)
        let ends = UnsafeMutablePointer<Int>.allocate(capacity: columns.count + 1)
        defer { starts.deallocate(); ends.deallocate() }
        var line = firstLine - 1
        var timestamps = TimestampColumnParser()
        while position < n {
            let end = lineEnd(from: position)
            line += 1
            defer { position = end + 1 }
            var contentEnd = end
            if contentEnd - position > CSVBarLoader.maxLineBytes { throw CSVBarLoader.tooLong(source, line: line, bytes: contentEnd - position) }
            if contentEnd > position && p[contentEnd - 1] == 13 { contentEnd -= 1 }
            if contentEnd == position { continue }  // blank line
            // Split by commas into byte ranges: eight bytes at a time (marking the
            // commas of a word, `CommaScan`), then the last few one by one.
            var field = 0, fieldStart = position, i = position
            @inline(__always) func comma(at at: Int) {
                if field < columns.count { starts[field] = fieldStart; ends[field] = at }
                field += 1
                fieldStart = at + 1
            }
            while i + 8 <= contentEnd {
                var marks = CommaScan.marks(in: UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                while marks != 0 {
                    comma(at: i + marks.trailingZeroBitCount >> 3)
                    marks &= marks &- 1
                }
                i += 8
            }
            while i < contentEnd {
                if p[i] == 44 { comma(at: i) }
                i += 1
            }
            if field < columns.count { starts[field] = fieldStart; ends[field] = contentEnd }
            field += 1
            guard field == columns.count else {
                throw DataError("\(source):\(line): expected \(columns.count) fields like the header, found \(field)")
            }
            let timeBytes = UnsafeRawBufferPointer(rebasing: p[starts[columns.time]..<ends[columns.time]])
            guard let time = timestamps.parse(timeBytes.trimmedQuotes()) else {
                let raw = String(decoding: timeBytes, as: UTF8.self)
                throw DataError("\(source):\(line): column '\(excerpt(columns.names[columns.time]))': '\(excerpt(raw))' is not a timestamp "
                    + "(use ISO-8601 such as 2023-01-01T00:00:00Z, a date such as 2023-01-01, or epoch seconds or milliseconds)")
            }
            // Fields in a fixed order; the first empty/NaN one is reported as missing.
            var missing: String?
            var values = (0.0, 0.0, 0.0, 0.0, 0.0)
            for k in 0..<5 {
                let column = k == 0 ? columns.open : k == 1 ? columns.high : k == 2 ? columns.low : k == 3 ? columns.close : columns.volume ?? -1
                var v = 0.0
                if column >= 0 {
                    switch FastNumberParser.parse(p, from: starts[column], to: ends[column]) {
                    case .number(let x): v = x
                    case .missing:
                        if missing == nil { missing = columns.names[column] }
                        v = .nan
                    case .invalid:
                        let raw = String(decoding: UnsafeRawBufferPointer(rebasing: p[starts[column]..<ends[column]]), as: UTF8.self)
                        throw DataError("\(source):\(line): column '\(excerpt(columns.names[column]))': '\(excerpt(raw))' is not a number")
                    }
                }
                switch k {
                case 0: values.0 = v
                case 1: values.1 = v
                case 2: values.2 = v
                case 3: values.3 = v
                default: values.4 = v
                }
            }
            let bar = Bar(time: time, open: values.0, high: values.1, low: values.2, close: values.3, volume: values.4)
            guard row < limit else { throw RoomExhausted() }
            if missing == nil && validator.admitClean(bar) {
                out.write(bar, at: row)
                row += 1
            } else if try validator.admit(bar, missingColumn: missing, location: { "\(source):\(line)" }) {
                out.write(bar, at: row)
                row += 1
            }
        }
        return (row - first, validator.report)
    }
}

extension UnsafeRawBufferPointer {
    /// The bytes without surrounding spaces, quotes and a trailing carriage return.
    func trimmedQuotes() -> UnsafeRawBufferPointer {
        var s = startIndex, e = endIndex
        while s < e && (self[s] == 32 || self[s] == 34) { s += 1 }
        while e > s && (self[e - 1] == 32 || self[e - 1] == 34 || self[e - 1] == 13) { e -= 1 }
        return UnsafeRawBufferPointer(rebasing: self[s..<e])
    }
}
