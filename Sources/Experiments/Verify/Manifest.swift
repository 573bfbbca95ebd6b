import Analysis
import Foundation

/// A folder's manifest.json: the SHA-256 of each artifact, by file name.
struct Manifest: Sendable, Equatable {
    var files: [String: String]

    /// Reads `folder/manifest.json`; nil when there is none, `unreadable` when it is not a manifest.
    static func read(in folder: URL, label: String) throws -> Manifest? {
        let url = folder.appendingPathComponent("manifest.json")
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        guard let flat = try? FlatDocument(json: data, name: label) else {
            throw ArtifactError.unreadable("\(label)/manifest.json is not valid JSON")
        }
        var files: [String: String] = [:]
        for (path, leaf) in flat.leaves where path.hasPrefix("files.") {
            guard case .text(let hash) = leaf, hash.count == 64 else {
                throw ArtifactError.unreadable("\(label)/manifest.json: \(path) is not a SHA-256")
            }
            files[String(path.dropFirst("files.".count))] = hash
        }
        guard !files.isEmpty else {
            throw ArtifactError.unreadable("\(label)/manifest.json lists no files (expected {\"files\": {name: sha256}})")
        }
        return Manifest(files: files)
    }

    /// The first file whose bytes are not the ones the manifest hashed: (name, expected, actual or nil when absent).
    func firstMismatch(in folder: URL) -> (name: String, expected: String, actual: String?)? {
        for name in files.keys.sorted() {
            let url = folder.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else { return (name, files[name]!, nil) }
            let actual = data.withUnsafeBytes { RunDirectory.sha256($0) }
            if actual != files[name] { return (name, files[name]!, actual) }
        }
        return nil
    }
}
