import Foundation
import GRDB

/// One job of `quantbt serve`: a `quantbt run | validate | sweep | walk-forward` of an
/// experiment, queued, run as a child process and recorded like any run. It lives in the
/// results store, so it outlives the server that took it.
public struct JobRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "jobs"
    public static let statuses = ["queued", "running", "succeeded", "failed", "cancelled"]

    /// Submission order: queued jobs run lowest id first.
    public var id: Int64?
    public var experiment: String
    public var kind: String
    /// The `--set` overrides, JSON list, in order.
    public var overrides: String
    /// The `--tag` map, JSON object.
    public var tags: String
    /// Seconds before the job is stopped and failed; nil: no limit.
    public var timeout: Double?
    public var status: String
    /// Backtests done / total, 0...1.
    public var progress: Double
    public var submitted: String
    public var started: String?
    public var finished: String?
    /// How often a server started it (a job left running by a dead server runs again).
    public var attempts: Int
    public var runID: String?
    public var error: String?
    public var idempotencyKey: String?
    public var cancelRequested: Bool

    enum CodingKeys: String, CodingKey {
        case id, experiment, kind, overrides, tags, timeout, status, progress, submitted, started, finished, attempts, error
        case runID = "run_id", idempotencyKey = "idempotency_key", cancelRequested = "cancel_requested"
    }

    public init(experiment: String, kind: String, overrides: [String], tags: [String: String], timeout: Double?, submitted: String,
                idempotencyKey: String?) {
        (self.experiment, self.kind, self.timeout, self.submitted, self.idempotencyKey) = (experiment, kind, timeout, submitted, idempotencyKey)
        self.overrides = String(decoding: (try? JSONEncoder().encode(overrides)) ?? Data("[]".utf8), as: UTF8.self)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        self.tags = String(decoding: (try? encoder.encode(tags)) ?? Data("{}".utf8), as: UTF8.self)
        (status, progress, attempts, cancelRequested) = ("queued", 0, 0, false)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public var overrideList: [String] { (try? JSONDecoder().decode([String].self, from: Data(overrides.utf8))) ?? [] }
    public var tagMap: [String: String] { (try? JSONDecoder().decode([String: String].self, from: Data(tags.utf8))) ?? [:] }
}
