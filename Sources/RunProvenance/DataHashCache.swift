import Foundation

/// A data file's SHA-256 costs a read of the whole file on every run (33 MB: about 17 ms of
/// CPU beside the backtest; a 5 GB file, seconds). Each hash is kept in
/// `~/.cache/quantbt/data-sha256` (or under `$XDG_CACHE_HOME`), keyed as git keys its index:
/// the file's device, inode, size, modification and status-change times (ns). Any write to
/// the file moves its status-change time, which no tool can set back, so a changed file is
/// hashed again. A file changed in the last two seconds is hashed but not kept (a later
/// change could otherwise fall in the same tick of a coarse clock). Nothing here can make
/// a run fail: an unreadable or damaged cache is a miss.
enum DataHashCache {
    /// Entries kept, the most recent first.
    static let capacity = 256

    /// The SHA-256 of the file at `url` (`bytes` long), from the cache or from `hash`.
    static func sha256(of url: URL, environment: [String: String], now: Date = Date(), hash: () throws -> (bytes: Int, sha256: String))
        throws -> (bytes: Int, sha256: String) {
        guard let key = key(url), let file = file(environment) else { return try hash() }
        let lines = (try? String(contentsOf: file, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        for line in lines {
            let fields = line.split(separator: " ", maxSplits: 2).map(String.init)
            if fields.count == 3, fields[2] == key.text, fields[0].count == 64, let bytes = Int(fields[1]) { return (bytes, fields[0]) }
        }
        let hashed = try hash()
        // Kept only when the file has been still for two seconds, and was the same size.
        guard key.changed < now.addingTimeInterval(-2), hashed.bytes == key.size else { return hashed }
        let kept = ["\(hashed.sha256) \(hashed.bytes) \(key.text)"] + lines.filter { !$0.hasSuffix(key.path) }.prefix(capacity - 1)
        UserCache.replace(file, with: kept.joined(separator: "\n") + "\n")
        return hashed
    }

    /// "<device> <inode> <size> <mtime ns> <ctime ns> <absolute path>" of a regular file,
    /// and the later of its two times; nil for anything else.
    static func key(_ url: URL) -> (text: String, path: String, size: Int, changed: Date)? {
        var info = stat()
        guard stat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let path = url.standardizedFileURL.path
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        let changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        let latest = Double(max(modified, changed)) / 1e9
        return ("\(info.st_dev) \(info.st_ino) \(info.st_size) \(modified) \(changed) \(path)", " " + path, Int(info.st_size),
                Date(timeIntervalSince1970: latest))
    }

    static func file(_ environment: [String: String]) -> URL? { UserCache.file("data-sha256", environment: environment) }
}
