import Analysis
import Foundation

/// Compares the artifacts of two folders (goldens and a run, or two runs) file by file:
/// equal SHA-256 is identical; otherwise CSV files are compared row by row, metrics.json
/// path by path within `tolerances`, and config.yaml exactly.
enum ArtifactComparer {
    static func compare(expected: URL, expectedHashes: [String: String], actual: URL, actualHashes: [String: String],
                        tolerances: ToleranceSet) throws -> [FileVerdict] {
        try Set(expectedHashes.keys).union(actualHashes.keys).sorted().map { name in
            switch (expectedHashes[name], actualHashes[name]) {
            case (nil, _): return FileVerdict(name: name, status: .added)
            case (_, nil): return FileVerdict(name: name, status: .missing)
            case let (e?, a?) where e == a: return FileVerdict(name: name, status: .identical)
            default:
                return try compareFile(name, expected: expected.appendingPathComponent(name), actual: actual.appendingPathComponent(name),
                                       tolerances: tolerances)
            }
        }
    }

    static func compareFile(_ name: String, expected: URL, actual: URL, tolerances: ToleranceSet) throws -> FileVerdict {
        let schema = ArtifactSchema.named(name)
        switch schema.kind {
        case .csv:
            let t = TableComparison(expected: try CSVTable(url: expected, name: name), actual: try CSVTable(url: actual, name: name),
                                    schema: schema, tolerance: { tolerances.tolerance(file: schema.name, field: $0) })
            // Same values, different bytes (e.g. 1.0 vs 1): within tolerance, never identical.
            return FileVerdict(name: name, status: t.isWithinTolerance ? .withinTolerance : .mismatch, table: t)
        case .json:
            let d = DocumentComparison(file: name, expected: try flat(expected, name: name, json: true), actual: try flat(actual, name: name, json: true),
                                       tolerance: { tolerances.tolerance(file: schema.name, field: $0) })
            return FileVerdict(name: name, status: d.isWithinTolerance ? .withinTolerance : .mismatch, document: d)
        case .yaml:
            let d = DocumentComparison(file: name, expected: try flat(expected, name: name, json: false), actual: try flat(actual, name: name, json: false),
                                       tolerance: nil)
            // Different bytes, same values (formatting only): within tolerance, never identical.
            return FileVerdict(name: name, status: d.isIdentical ? .withinTolerance : .mismatch, document: d)
        }
    }

    static func flat(_ url: URL, name: String, json: Bool) throws -> FlatDocument {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ArtifactError.unreadable("\(name): cannot read \(url.path)")
        }
        return json ? try FlatDocument(json: data, name: name) : try FlatDocument(yaml: String(decoding: data, as: UTF8.self), name: name)
    }
}
