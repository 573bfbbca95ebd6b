import Foundation

/// How `quantbt serve` runs: where it listens, who may call it, how many jobs at once, and
/// where the repository, the run folders and the results store are.
public struct ServerSettings: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Jobs running at once (default: the cores).
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    /// With a token, every /api request needs `Authorization: Bearer TOKEN`, and the pages
    /// HTTP Basic with the token as password.
    public var token: String?
    /// The repository root (experiments/ is under it).
    public var root: URL
    public var artifacts: URL
    public var storePath: String
    /// The quantbt executable a job runs (`quantbt run|validate|sweep|walk-forward ...`).
    public var quantbt: String
    /// False: jobs run the experiment binaries as built (`--no-build`).
    public var build = true

    /// Request bodies above this are refused (413).
    public static let maxBody = 1 << 20
    /// Queued jobs above this are refused (429).
    public var maxQueued = 10_000

    public init(root: URL, artifacts: URL, storePath: String, quantbt: String) {
        (self.root, self.artifacts, self.storePath, self.quantbt) = (root, artifacts, storePath, quantbt)
    }

    /// Loopback hosts may be served without a token.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}
