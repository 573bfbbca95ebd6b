import GRDB

/// An input file of a run: its path as configured, size and SHA-256.
public struct DatasetRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "datasets"
    public var runID: String
    public var path: String
    public var bytes: Int
    public var sha256: String

    enum CodingKeys: String, CodingKey { case path, bytes, sha256, runID = "run_id" }

    public init(runID: String, path: String, bytes: Int, sha256: String) {
        (self.runID, self.path, self.bytes, self.sha256) = (runID, path, bytes, sha256)
    }
}
