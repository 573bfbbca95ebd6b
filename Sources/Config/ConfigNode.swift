import Engine
import Model
import Analysis
import Foundation
import Yams

/// A config value with where it came from, so errors can point at `file:line`.
public struct ConfigNode: Equatable, Sendable {
    public enum Value: Equatable, Sendable {
        case scalar(String)
        case list([ConfigNode])
        case map([(key: String, node: ConfigNode)])

        public static func == (a: Value, b: Value) -> Bool {
            switch (a, b) {
            case (.scalar(let x), .scalar(let y)): x == y
            case (.list(let x), .list(let y)): x == y
            case (.map(let x), .map(let y)): x.map(\.key) == y.map(\.key) && x.map(\.node) == y.map(\.node)
            default: false
            }
        }
    }

    public var value: Value
    /// `experiment.yaml:12` or `--set params.fast=5`.
    public var origin: String

    public init(_ value: Value, origin: String) {
        (self.value, self.origin) = (value, origin)
    }

    public static func emptyMap(origin: String) -> ConfigNode { ConfigNode(.map([]), origin: origin) }

    /// Parses YAML text; `file` names it in errors.
    public static func parse(yaml: String, file: String) throws -> ConfigNode {
        let node: Node?
        // The basic resolver: a config reads every scalar as its text (the readers type it),
        // so the default one's tag rules, regular expressions compiled at first use (about
        // 1.5 ms of every command's start), would decide nothing.
        do { node = try Yams.compose(yaml: yaml, .basic) } catch let error as YamlError {
            throw ConfigError("\(file): not valid YAML: \(Self.describe(error))")
        }
        guard let node else { return emptyMap(origin: file) }
        var budget = Budget()
        return try convert(node, file: file, path: [], budget: &budget)
    }

    /// What a config may expand to. Aliases repeat what they name, so a few lines of YAML
    /// can stand for billions of values; a research config needs a few hundred.
    package static let maxNodes = 100_000
    package static let maxDepth = 64

    package struct Budget {
        package var nodes = 0
    }

    private static func checkBudget(_ budget: inout Budget, path: [String], origin: String) throws {
        budget.nodes += 1
        let key = path.isEmpty ? "the top level" : path.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        if budget.nodes > maxNodes {
            throw ConfigError("\(origin): \(key): the YAML expands to more than \(NumberFormat.grouped(maxNodes)) values (aliases and anchors repeat "
                + "what they name); a config needs far fewer, so write the values out or remove the aliases")
        }
        if path.count > maxDepth {
            throw ConfigError("\(origin): \(key.prefix(200)): nested more than \(maxDepth) levels deep; a config needs a few")
        }
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            return "line \(mark.line), column \(mark.column): \(problem)\(context.map { " (\($0.text))" } ?? "")"
        default:
            return "\(error)"
        }
    }

    private static func convert(_ node: Node, file: String, path: [String], budget: inout Budget) throws -> ConfigNode {
        let origin = "\(file):\(node.mark?.line ?? 0)"
        try checkBudget(&budget, path: path, origin: origin)
        switch node {
        case .scalar(let s):
            return ConfigNode(.scalar(s.string), origin: origin)
        case .sequence(let seq):
            var items: [ConfigNode] = []
            for (i, item) in seq.enumerated() { items.append(try convert(item, file: file, path: path + ["[\(i)]"], budget: &budget)) }
            return ConfigNode(.list(items), origin: origin)
        case .mapping(let map):
            var pairs: [(String, ConfigNode)] = []
            var seen = Set<String>()
            for (k, v) in map {
                guard case .scalar(let key) = k else { throw ConfigError("\(file):\(k.mark?.line ?? 0): keys must be plain words") }
                if !seen.insert(key.string).inserted {
                    throw ConfigError("\(file):\(k.mark?.line ?? 0): key '\(excerpt(key.string))' appears twice")
                }
                pairs.append((key.string, try convert(v, file: file, path: path + [key.string], budget: &budget)))
            }
            return ConfigNode(.map(pairs), origin: origin)
        case .alias:
            throw ConfigError("\(origin): YAML aliases are not supported in experiment configs")
        }
    }

    /// The child at `key` of a map node.
    public subscript(key: String) -> ConfigNode? {
        guard case .map(let pairs) = value else { return nil }
        return pairs.first { $0.key == key }?.node
    }

    /// Sets `path` (dotted, e.g. `params.fast`) to `node`, creating maps on the way.
    /// Keys that themselves contain dots (`metrics.json` under `tolerances`) are not
    /// reachable this way; none of the overridable keys has one.
    public mutating func set(path: [String], to node: ConfigNode) throws {
        guard let head = path.first else { self = node; return }
        guard case .map(var pairs) = value else {
            throw ConfigError("\(node.origin): cannot set '\(path.joined(separator: "."))': the value above it is not a map")
        }
        if let i = pairs.firstIndex(where: { $0.key == head }) {
            if path.count > 1, case .scalar = pairs[i].node.value {
                throw ConfigError("\(node.origin): cannot set '\(path.joined(separator: "."))': '\(excerpt(head))' is a single value, not a map")
            }
            try pairs[i].node.set(path: Array(path.dropFirst()), to: node)
        } else {
            var child = ConfigNode.emptyMap(origin: node.origin)
            try child.set(path: Array(path.dropFirst()), to: node)
            pairs.append((head, child))
        }
        value = .map(pairs)
    }

    /// Applies a `key.path=value` override. The value is read as YAML, so
    /// `--set data.symbols=[BTCUSD,ETHUSD]` gives a list.
    public mutating func apply(override text: String) throws {
        guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
            throw ConfigError("--set '\(excerpt(text))': expected KEY.PATH=VALUE, e.g. --set params.fast=10")
        }
        let path = text[..<eq].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.contains(where: \.isEmpty) else {
            throw ConfigError("--set '\(excerpt(text))': the key path has an empty part; write it like params.fast")
        }
        let origin = "--set \(excerpt(text, limit: 80))"
        let raw = String(text[text.index(after: eq)...])
        var node = try ConfigNode.parse(yaml: raw.isEmpty ? "''" : raw, file: origin)
        node.relabel(origin: origin)
        try set(path: path, to: node)
    }

    private mutating func relabel(origin: String) {
        self.origin = origin
        switch value {
        case .scalar: break
        case .list(var items):
            for i in items.indices { items[i].relabel(origin: origin) }
            value = .list(items)
        case .map(var pairs):
            for i in pairs.indices { pairs[i].node.relabel(origin: origin) }
            value = .map(pairs)
        }
    }
}
