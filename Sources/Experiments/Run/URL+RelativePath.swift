import Foundation

extension URL {
    /// This path relative to `root` (`artifacts/x/<run-id>`) when it lies under it, else in full:
    /// how run folders are shown to a user working from the repository root.
    public func path(relativeTo root: URL) -> String {
        let full = standardizedFileURL.path, base = root.standardizedFileURL.path + "/"
        return full.hasPrefix(base) ? String(full.dropFirst(base.count)) : full
    }
}
