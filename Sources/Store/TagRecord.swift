import GRDB

/// A tag (`--tag KEY=VALUE`, `quantbt runs tag`), kept in the run folder's tags.json too.
public struct TagRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "tags"
    public var runID: String
    public var key: String
    public var value: String

    enum CodingKeys: String, CodingKey { case key, value, runID = "run_id" }

    public init(runID: String, key: String, value: String) {
        (self.runID, self.key, self.value) = (runID, key, value)
    }
}
