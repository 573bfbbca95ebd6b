import Foundation
import Model

/// A JSON or YAML document as sorted `dotted.path → leaf` pairs, the form in which two
/// metrics.json or config.yaml files are compared. List items are `path[0]`, `path[1]`.
package struct FlatDocument: Sendable {
    package enum Leaf: Sendable, Equatable {
        case number(Double)
        case text(String)
        case null

        package var display: String {
            switch self {
            // Whole numbers as written in YAML (a config's `fast: 10`), others shortest round-trip.
            case .number(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : CanonicalValue.format(d)
            case .text(let s): s
            case .null: "null"
            }
        }
    }

    package var leaves: [String: Leaf] = [:]
    package var paths: [String] { leaves.keys.sorted() }

    package init(leaves: [String: Leaf]) { self.leaves = leaves }

    /// Parses JSON text (metrics.json, provenance.json, manifest.json).
    package init(json data: Data, name: String) throws {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            throw ArtifactError.unreadable("\(name): not valid JSON")
        }
        flatten(value, path: "")
    }

    private mutating func flatten(_ value: JSONValue, path: String) {
        switch value {
        case .null: leaves[path] = .null
        case .bool(let b): leaves[path] = .text(b ? "true" : "false")
        case .number(let d): leaves[path] = .number(d)
        case .string(let s): leaves[path] = .text(s)
        case .list(let items):
            // A list of plain values is one value (`[a, b]`), as in config.yaml; a list of
            // objects is `path[0].key`, ...
            if items.allSatisfy(\.isScalar) {
                leaves[path] = .text("[" + items.map(\.scalarText).joined(separator: ", ") + "]")
            } else {
                for (i, item) in items.enumerated() { flatten(item, path: "\(path)[\(i)]") }
            }
        case .map(let pairs):
            if pairs.isEmpty { leaves[path] = .text("{}") }
            for (key, item) in pairs { flatten(item, path: path.isEmpty ? key : "\(path).\(key)") }
        }
    }

    /// Any JSON value; decoding keeps `true` and `1` apart.
    private indirect enum JSONValue: Decodable {
        case null, bool(Bool), number(Double), string(String), list([JSONValue]), map([String: JSONValue])

        var isScalar: Bool {
            switch self {
            case .list, .map: false
            default: true
            }
        }

        var scalarText: String {
            switch self {
            case .null: "null"
            case .bool(let b): b ? "true" : "false"
            case .number(let d): Leaf.number(d).display
            case .string(let s): s
            case .list, .map: ""
            }
        }

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let d = try? c.decode(Double.self) { self = .number(d) }
            else if let s = try? c.decode(String.self) { self = .string(s) }
            else if let l = try? c.decode([JSONValue].self) { self = .list(l) }
            else { self = .map(try c.decode([String: JSONValue].self)) }
        }
    }
}
