import GRDB

/// A file of a run folder that its manifest lists.
public struct ArtifactRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "artifacts"
    public var runID: String
    public var file: String
    public var bytes: Int
    public var sha256: String

    enum CodingKeys: String, CodingKey { case file, bytes, sha256, runID = "run_id" }

    public init(runID: String, file: String, bytes: Int, sha256: String) {
        (self.runID, self.file, self.bytes, self.sha256) = (runID, file, bytes, sha256)
    }
}
