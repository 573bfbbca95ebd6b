import Analysis
import Engine
import Model

/// Reads one map of the config with a schema: each read names a key it knows; `finish()`
/// then rejects any other key with its location, a did-you-mean and the known keys.
package final class ConfigSection {
    package let node: ConfigNode?
    package let path: String
    private var known: [String] = []

    package init(_ node: ConfigNode?, path: String) throws {
        if let node, case .scalar(let s) = node.value, !s.isEmpty {
            throw ConfigError("\(node.origin): \(path): expected a map of keys, got '\(excerpt(s))'")
        }
        if let node, case .list = node.value {
            throw ConfigError("\(node.origin): \(path): expected a map of keys, got a list")
        }
        (self.node, self.path) = (node, path)
    }

    private func keyPath(_ key: String) -> String { excerpt(path.isEmpty ? key : "\(path).\(key)", limit: 120) }

    /// The raw node at `key` (marking it known).
    package func raw(_ key: String) -> ConfigNode? {
        if !known.contains(key) { known.append(key) }
        guard let child = node?[key] else { return nil }
        if case .scalar(let s) = child.value, s.isEmpty || s == "null" || s == "~" { return nil }
        return child
    }

    private func scalar(_ key: String, expected: String) throws -> (String, ConfigNode)? {
        guard let child = raw(key) else { return nil }
        guard case .scalar(let s) = child.value else {
            throw ConfigError("\(child.origin): \(keyPath(key)): expected \(expected), got a \(child.kindName)")
        }
        return (s, child)
    }

    package func string(_ key: String, default fallback: String, oneOf choices: [String]? = nil) throws -> String {
        guard let (s, child) = try scalar(key, expected: "a word") else { return fallback }
        if let choices, !choices.contains(s) {
            var message = "\(child.origin): \(keyPath(key)): '\(excerpt(s))' is not one of \(choices.joined(separator: ", "))"
            if let hint = closestMatch(to: s, in: choices) { message += " (did you mean '\(hint)'?)" }
            throw ConfigError(message)
        }
        return s
    }

    package func optionalString(_ key: String) throws -> String? {
        try scalar(key, expected: "a word")?.0
    }

    package func double(_ key: String, default fallback: Double, range: ClosedRange<Double>? = nil) throws -> Double {
        try optionalDouble(key, range: range) ?? fallback
    }

    package func optionalDouble(_ key: String, range: ClosedRange<Double>? = nil) throws -> Double? {
        guard let (s, child) = try scalar(key, expected: "a number") else { return nil }
        guard let v = Double(s.replacingUnderscores), v.isFinite else {
            throw ConfigError("\(child.origin): \(keyPath(key)): expected a number, got '\(excerpt(s))'")
        }
        if let range, !range.contains(v) {
            throw ConfigError("\(child.origin): \(keyPath(key)): \(s) is out of range; use a value from \(range.lowerBound) to \(range.upperBound)")
        }
        return v
    }

    package func optionalInt(_ key: String, range: ClosedRange<Int>? = nil) throws -> Int? {
        guard let (s, child) = try scalar(key, expected: "a whole number") else { return nil }
        guard let v = Int(s.replacingUnderscores) else {
            throw ConfigError("\(child.origin): \(keyPath(key)): expected a whole number, got '\(excerpt(s))'")
        }
        if let range, !range.contains(v) {
            throw ConfigError("\(child.origin): \(keyPath(key)): \(s) is out of range; use a value from \(range.lowerBound) to \(range.upperBound)")
        }
        return v
    }

    package func bool(_ key: String, default fallback: Bool) throws -> Bool {
        guard let (s, child) = try scalar(key, expected: "true or false") else { return fallback }
        switch s.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw ConfigError("\(child.origin): \(keyPath(key)): expected true or false, got '\(excerpt(s))'")
        }
    }

    package func date(_ key: String) throws -> Timestamp? {
        guard let (s, child) = try scalar(key, expected: "a date") else { return nil }
        guard let t = Timestamp.parse(s) else {
            throw ConfigError("\(child.origin): \(keyPath(key)): '\(excerpt(s))' is not a date; use 2023-01-31 or 2023-01-31T12:00:00Z")
        }
        return t
    }

    /// A duration such as `15m` or `1h` in milliseconds (see `DurationText`); `word` (e.g.
    /// "bar") or no value gives nil.
    package func optionalDuration(_ key: String, word: String) throws -> Int64? {
        guard let (s, child) = try scalar(key, expected: "a duration") else { return nil }
        if s == word { return nil }
        guard let ms = DurationText.milliseconds(s), ms > 0 else {
            throw ConfigError("\(child.origin): \(keyPath(key)): '\(excerpt(s))' is not a duration; use \(word), or a number and a unit: 250ms, 30s, 15m, 1h, 1d, 1w")
        }
        return ms
    }

    /// A list of words; a single word is a list of one. More than `atMost` is an error.
    package func stringList(_ key: String, atMost: Int = .max, what: String = "values") throws -> [String] {
        guard let child = raw(key) else { return [] }
        switch child.value {
        case .scalar(let s): return [s]
        case .list(let items):
            guard items.count <= atMost else {
                throw ConfigError("\(child.origin): \(keyPath(key)): \(NumberFormat.grouped(items.count)) \(what); a run takes at most "
                    + "\(NumberFormat.grouped(atMost)) (split the universe into several experiments, or use one SQLite table)")
            }
            return try items.map { item in
                guard case .scalar(let s) = item.value else {
                    throw ConfigError("\(item.origin): \(keyPath(key)): expected a list of words, found a \(item.kindName) in it")
                }
                return s
            }
        case .map: throw ConfigError("\(child.origin): \(keyPath(key)): expected a list, got a map")
        }
    }

    /// A list of numbers (a single number is a list of one); nil when absent.
    package func doubleList(_ key: String, range: ClosedRange<Double>) throws -> [Double]? {
        guard let child = raw(key) else { return nil }
        let items: [ConfigNode] = if case .list(let l) = child.value { l } else { [child] }
        return try items.map { item in
            guard case .scalar(let s) = item.value, let v = Double(s.replacingUnderscores), v.isFinite else {
                throw ConfigError("\(item.origin): \(keyPath(key)): expected a list of numbers, e.g. [2, 3]")
            }
            guard range.contains(v) else {
                throw ConfigError("\(item.origin): \(keyPath(key)): \(s) is out of range; use values from \(range.lowerBound) to \(range.upperBound)")
            }
            return v
        }
    }

    /// A list of maps (e.g. `circuit_breakers`), each read as its own section named
    /// `key[1]`, `key[2]`… in errors; a single map is a list of one.
    package func sectionList(_ key: String) throws -> [ConfigSection] {
        guard let child = raw(key) else { return [] }
        switch child.value {
        case .map: return [try ConfigSection(child, path: keyPath(key))]
        case .list(let items):
            return try items.enumerated().map { i, item in
                guard case .map = item.value else {
                    throw ConfigError("\(item.origin): \(keyPath(key))[\(i + 1)]: expected a map of keys, got a \(item.kindName)")
                }
                return try ConfigSection(item, path: "\(keyPath(key))[\(i + 1)]")
            }
        case .scalar(let s): throw ConfigError("\(child.origin): \(keyPath(key)): expected a list of maps, got '\(excerpt(s))'")
        }
    }

    /// A required duration (`15m`, `1h`), or one of `words` (returned as nil).
    package func duration(_ key: String, orWord words: [String] = []) throws -> (ms: Int64?, word: String?) {
        guard let (s, child) = try scalar(key, expected: "a duration") else {
            throw ConfigError("\(origin(of: key)): \(keyPath(key)): missing; give a duration such as 30m or 1h"
                + (words.isEmpty ? "" : ", or \(words.joined(separator: " or "))"))
        }
        if words.contains(s) { return (nil, s) }
        guard let ms = DurationText.milliseconds(s), ms > 0 else {
            throw ConfigError("\(child.origin): \(keyPath(key)): '\(excerpt(s))' is not a duration; use a number and a unit: 250ms, 30s, 15m, 1h, 1d, 1w"
                + (words.isEmpty ? "" : ", or \(words.joined(separator: " or "))"))
        }
        return (ms, nil)
    }

    /// A number that must be present.
    package func requiredDouble(_ key: String, range: ClosedRange<Double>? = nil, example: String) throws -> Double {
        guard let v = try optionalDouble(key, range: range) else {
            throw ConfigError("\(origin(of: key)): \(keyPath(key)): missing; e.g. \(key): \(example)")
        }
        return v
    }

    /// The keys present, in file order (for sections whose keys are names, like params).
    package var keys: [String] {
        guard let node, case .map(let pairs) = node.value else { return [] }
        return pairs.map(\.key)
    }

    /// file:line of `key`, or of this section.
    package func origin(of key: String) -> String { node?[key]?.origin ?? node?.origin ?? path }

    package func section(_ key: String) throws -> ConfigSection {
        try ConfigSection(raw(key), path: keyPath(key))
    }

    /// Throws for the first key (in file order) no read asked for.
    package func finish() throws {
        guard let node, case .map(let pairs) = node.value else { return }
        for (key, child) in pairs where !known.contains(key) {
            var message = "\(child.origin): \(keyPath(key)): unknown key"
            if let hint = closestMatch(to: key, in: known) { message += " (did you mean '\(hint)'?)" }
            message += "; known keys\(path.isEmpty ? "" : " under \(path)"): \(known.joined(separator: ", "))"
            throw ConfigError(message)
        }
    }
}

extension ConfigNode {
    package var kindName: String {
        switch value {
        case .scalar: "single value"
        case .list: "list"
        case .map: "map"
        }
    }
}

extension String {
    /// `100_000` reads as 100000, as in Swift and YAML 1.1.
    package var replacingUnderscores: String { contains("_") ? String(filter { $0 != "_" }) : self }
}
