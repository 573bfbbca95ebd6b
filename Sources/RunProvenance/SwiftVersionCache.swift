import Foundation

/// `swift --version` costs about 70 ms of CPU, a third of a core for the whole of a short
/// run on two cores. Its first line is kept in `~/.cache/quantbt/swift-version` (or under
/// `$XDG_CACHE_HOME`), keyed by the `swift` that PATH finds: its resolved path, inode, size
/// and modification time. A new or replaced toolchain changes the key, and the version is
/// asked again; so does anything unreadable. Nothing here can make a run fail.
enum SwiftVersionCache {
    /// The version for the `swift` on `path` (PATH's value), from the cache or by running it.
    static func version(path: String?, environment: [String: String], run: () throws -> String) throws -> String {
        guard let key = key(path: path), let file = file(environment) else { return try run() }
        if let text = try? String(contentsOf: file, encoding: .utf8) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.count >= 2, lines[0] == key, lines[1].hasPrefix("Swift version") { return String(lines[1]) }
        }
        let version = try run()
        UserCache.replace(file, with: key + "\n" + version + "\n")
        return version
    }

    /// Path, inode, size and modification time (ns) of the `swift` PATH finds, links resolved.
    static func key(path: String?) -> String? {
        for folder in (path ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("swift").path
            guard access(candidate, X_OK) == 0, let resolved = realpath(candidate, nil) else { continue }
            defer { free(resolved) }
            var info = stat()
            guard stat(resolved, &info) == 0 else { return nil }
            let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            return "\(String(cString: resolved)) \(info.st_ino) \(info.st_size) \(modified)"
        }
        return nil
    }

    static func file(_ environment: [String: String]) -> URL? { UserCache.file("swift-version", environment: environment) }
}
