import Config
import Engine
import Foundation

/// An experiment folder: `experiments/<name>/` with experiment.yaml and main.swift. The
/// folder name is the experiment's executable target and its default `name`.
public struct ExperimentDirectory: Sendable {
    public let url: URL
    public let root: URL

    public var name: String { url.lastPathComponent }
    public var configURL: URL { url.appendingPathComponent("experiment.yaml") }

    public init(path: String) throws {
        var isDirectory: ObjCBool = false
        let url = URL(fileURLWithPath: path).standardizedFileURL
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ConfigError("experiment folder '\(path)' does not exist; list them with `ls experiments`, or create one with `quantbt new NAME`")
        }
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent("experiment.yaml").path) else {
            throw ConfigError("'\(path)' has no experiment.yaml; an experiment folder holds experiment.yaml and main.swift (see `quantbt new --help`)")
        }
        self.url = url
        root = ExperimentDirectory.packageRoot(containing: url) ?? url.deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The nearest folder at or above `url` holding Package.swift.
    public static func packageRoot(containing url: URL) -> URL? {
        var dir = url.standardizedFileURL
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    /// The config with `overrides` (`key.path=value`) applied, validated.
    public func loadConfig(overrides: [String], defaultStrategy: String) throws -> ExperimentConfig {
        let label = configURL.path.hasPrefix(root.path + "/") ? String(configURL.path.dropFirst(root.path.count + 1)) : configURL.path
        guard let text = try? String(contentsOf: configURL, encoding: .utf8) else {
            throw ConfigError("cannot read \(label): not readable UTF-8 text")
        }
        var node = try ConfigNode.parse(yaml: text, file: label)
        for o in overrides { try node.apply(override: o) }
        return try ExperimentConfig.read(node, defaultName: name, defaultStrategy: defaultStrategy)
    }
}
