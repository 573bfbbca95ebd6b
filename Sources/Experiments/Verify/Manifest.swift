import Analysis
import Foundation

/// Reading a folder's manifest.json (parsed by `Manifest.parse`) and checking its hashes.
extension Manifest {
    /// Reads `folder/manifest.json`; nil when there is none, `unreadable` when it is not a manifest.
    static func read(in folder: URL, label: String) throws -> Manifest? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path) else { return nil }
        return try parse(data, label: label)
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
