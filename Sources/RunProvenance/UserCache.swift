import Foundation

/// QuantBT's files under the user's cache folder (`$XDG_CACHE_HOME/quantbt`, else
/// `~/.cache/quantbt`): the toolchain's version and data files' hashes, each a small text
/// file any run may rewrite. Nothing here can make a run fail.
enum UserCache {
    /// `name` in the cache folder; nil when neither variable gives an absolute folder.
    static func file(_ name: String, environment: [String: String]) -> URL? {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return URL(fileURLWithPath: cache).appendingPathComponent("quantbt/" + name)
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/quantbt/" + name)
    }

    /// Writes `text` whole and renames it into place, so a reader never sees half a file; a
    /// failure leaves the old file (the cache is only ever a shortcut).
    static func replace(_ file: URL, with text: String) {
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent)-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: temporary)
            _ = rename(temporary.path, file.path)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }
}
