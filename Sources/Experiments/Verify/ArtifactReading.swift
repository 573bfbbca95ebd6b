import Config
import Analysis
import Foundation

// Reading artifacts from disk for the pure comparisons in Analysis.

extension CSVTable {
    init(url: URL, name: String) throws {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ArtifactError.unreadable("\(name): cannot read \(url.path) as UTF-8 text")
        }
        try self.init(text: text, name: name)
    }
}

extension FlatDocument {
    /// Parses YAML text (config.yaml) with the config parser.
    init(yaml text: String, name: String) throws {
        let node: ConfigNode
        do { node = try ConfigNode.parse(yaml: text, file: name) } catch {
            throw ArtifactError.unreadable("\(name): not valid YAML: \(error)")
        }
        self.init(leaves: [:])
        flatten(node, path: "")
    }

    mutating func flatten(_ node: ConfigNode, path: String) {
        switch node.value {
        case .scalar(let s):
            leaves[path] = s == "null" ? .null : (Double(s).map(Leaf.number) ?? .text(s))
        case .list(let items):
            // Config lists are short and read as one value: data.files, data.symbols.
            leaves[path] = .text("[" + items.map { item in
                if case .scalar(let s) = item.value { return s } else { return item.kindName }
            }.joined(separator: ", ") + "]")
        case .map(let pairs):
            if pairs.isEmpty { leaves[path] = .text("{}") }
            for (key, item) in pairs { flatten(item, path: path.isEmpty ? key : "\(path).\(key)") }
        }
    }
}
