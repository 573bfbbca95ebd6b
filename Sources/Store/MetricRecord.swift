import GRDB

/// scenario (`slippage-x2`), or a fold's `train` / `test`.
public struct MetricRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "metrics"
    public var runID: String
    public var segment: String
    public var key: String
    public var value: Double?

    enum CodingKeys: String, CodingKey { case segment, key, value, runID = "run_id" }

    public init(runID: String, segment: String, key: String, value: Double?) {
        (self.runID, self.segment, self.key, self.value) = (runID, segment, key, value)
    }
}
