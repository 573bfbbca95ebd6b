import Foundation

/// Reading a canonical document back (metrics.json, breakdowns.json, provenance.json) for a
/// report: parsed JSON and typed lookups. Whole numbers read as `.number`, so a reader asks
/// for `double` and gets the same value from a parsed file as from the value in memory.
extension CanonicalValue {
    /// Parses JSON text; nil when it is not JSON.
    public init?(json data: Data) {
        guard let value = try? JSONDecoder().decode(Decoded.self, from: data) else { return nil }
        self = value.value
    }

    public subscript(key: String) -> CanonicalValue? {
        if case .map(let pairs) = self { pairs[key] } else { nil }
    }

    /// A number; nil for anything else and for a non-finite number (written as null).
    public var double: Double? {
        switch self {
        case .int(let i): Double(i)
        case .number(let d): d.isFinite ? d : nil
        default: nil
        }
    }

    public var string: String? { if case .string(let s) = self { s } else { nil } }
    public var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var items: [CanonicalValue] { if case .list(let l) = self { l } else { [] } }
    public var pairs: [String: CanonicalValue] { if case .map(let m) = self { m } else { [:] } }

    private struct Decoded: Decodable {
        var value: CanonicalValue

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { value = .null }
            else if let b = try? c.decode(Bool.self) { value = .bool(b) }
            else if let d = try? c.decode(Double.self) { value = .number(d) }
            else if let s = try? c.decode(String.self) { value = .string(s) }
            else if let l = try? c.decode([Decoded].self) { value = .list(l.map(\.value)) }
            else { value = .map(try c.decode([String: Decoded].self).mapValues(\.value)) }
        }
    }
}
