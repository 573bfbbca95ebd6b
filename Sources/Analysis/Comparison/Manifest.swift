import Foundation

/// A folder's manifest.json: the SHA-256 of each artifact, by file name. Parsing is pure
/// (and fuzzed); reading the folder and checking the hashes is `Experiments`' extension.
package struct Manifest: Sendable, Equatable {
    package var files: [String: String]

    package init(files: [String: String]) { self.files = files }

    /// The manifest in `data`; `label` names the folder in errors.
    package static func parse(_ data: Data, label: String) throws -> Manifest {
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
}
