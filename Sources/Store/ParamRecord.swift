import GRDB

/// `params.fast > 100` compares numbers, never strings.
public struct ParamRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "params"
    public var runID: String
    public var key: String
    public var text: String
    public var number: Double?

    enum CodingKeys: String, CodingKey { case key, text, number, runID = "run_id" }

    public init(runID: String, key: String, text: String) {
        (self.runID, self.key, self.text, self.number) = (runID, key, text, Double(text))
    }
}
