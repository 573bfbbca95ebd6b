import GRDB

/// walk-forward fold).
public struct RunRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "runs"

    /// The run folder's name; a child's is its parent's, `:` and its place (`:splits/train`).
    public var id: String
    public var experiment: String
    public var kind: String
    public var parentID: String?
    public var status: String
    public var started: String?
    public var finished: String?
    public var durationMS: Int?
    public var gitCommit: String?
    public var gitDirty: Bool?
    public var configSHA256: String?
    public var dataSHA256: String?
    public var manifestSHA256: String?
    public var toolchain: String?
    public var host: String?
    public var pid: Int?
    public var runDir: String?
    public var error: String?

    enum CodingKeys: String, CodingKey {
        case id, experiment, kind, status, started, finished, toolchain, host, pid, error
        case parentID = "parent_id", durationMS = "duration_ms", gitCommit = "git_commit", gitDirty = "git_dirty"
        case configSHA256 = "config_sha256", dataSHA256 = "data_sha256", manifestSHA256 = "manifest_sha256", runDir = "run_dir"
    }

    public init(id: String, experiment: String, kind: String, status: String) {
        (self.id, self.experiment, self.kind, self.status) = (id, experiment, kind, status)
    }
}
