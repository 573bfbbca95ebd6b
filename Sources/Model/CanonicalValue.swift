/// A value written into an artifact in canonical form: maps with sorted keys, numbers in
/// Swift's shortest round-trip form, non-finite numbers as null. The same tree prints as
/// JSON (metrics.json, manifest.json) and as YAML (config.yaml), so two runs that agree on
/// values agree byte for byte.
public indirect enum CanonicalValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case list([CanonicalValue])
    case map([String: CanonicalValue])

    public static func optional(_ x: Double?) -> CanonicalValue { x.map { .number($0) } ?? .null }

    /// Pretty JSON, two-space indent, sorted keys, trailing newline.
    public func json() -> String {
        var out = ""
        writeJSON(to: &out, indent: "")
        return out + "\n"
    }

    private func writeJSON(to out: inout String, indent: String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .number(let d): out += CanonicalValue.format(d)
        case .string(let s): CanonicalValue.appendQuoted(s, to: &out)
        case .list(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += indent
                out += "  "
                item.writeJSON(to: &out, indent: indent + "  ")
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .map(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{\n"
            let keys = pairs.keys.sorted()
            for (i, key) in keys.enumerated() {
                out += indent
                out += "  "
                CanonicalValue.appendQuoted(key, to: &out)
                out += ": "
                pairs[key]!.writeJSON(to: &out, indent: indent + "  ")
                out += i + 1 < keys.count ? ",\n" : "\n"
            }
            out += indent + "}"
        }
    }

    /// Block YAML with sorted keys; lists of scalars in flow style.
    public func yaml() -> String {
        var out = ""
        writeYAML(to: &out, indent: "")
        return out
    }

    private func writeYAML(to out: inout String, indent: String) {
        guard case .map(let pairs) = self else { out += scalarYAML + "\n"; return }
        for key in pairs.keys.sorted() {
            let value = pairs[key]!
            let yamlKey = CanonicalValue.isPlain(key) ? key : CanonicalValue.jsonQuoted(key)
            switch value {
            case .map(let inner) where !inner.isEmpty:
                out += "\(indent)\(yamlKey):\n"
                value.writeYAML(to: &out, indent: indent + "  ")
            default:
                out += "\(indent)\(yamlKey): \(value.scalarYAML)\n"
            }
        }
    }

    private var scalarYAML: String {
        switch self {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .number(let d): CanonicalValue.format(d)
        case .string(let s): CanonicalValue.isPlain(s) ? s : CanonicalValue.jsonQuoted(s)
        case .list(let items): "[" + items.map(\.scalarYAML).joined(separator: ", ") + "]"
        case .map(let pairs): pairs.isEmpty ? "{}" : "{" + pairs.keys.sorted().map { "\($0): \(pairs[$0]!.scalarYAML)" }.joined(separator: ", ") + "}"
        }
    }

    /// Shortest round-trip text; integral values keep a `.0` so they read back as floats.
    public static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        return d.description
    }

    package static func isPlain(_ s: String) -> Bool {
        guard let first = s.first, first.isLetter || first == "/" || first == "." else { return false }
        let reserved = ["true", "false", "yes", "no", "on", "off", "null", "~"]
        return !reserved.contains(s.lowercased()) && s.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) }
    }

    package static func jsonQuoted(_ s: String) -> String {
        var out = ""
        appendQuoted(s, to: &out)
        return out
    }

    /// `s` as a JSON string literal, appended in place.
    static func appendQuoted(_ s: String, to out: inout String) {
        out += "\""
        defer { out += "\"" }
        // Nearly every string (keys, ids, dates) needs no escape: copied whole, not scalar by scalar.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) { out += s; return }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
    }
}
