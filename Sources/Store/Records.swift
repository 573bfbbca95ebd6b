import GRDB

// One record type per table. Run folders stay the source of truth: every row here can be
// rebuilt from them by `quantbt runs reindex`.

/// A run, or a child of one (a validation's split or scenario, a sweep's cell, a
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

/// A parameter: its text as configured and, when it is a number, the number, so that
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

/// A metric of one segment: `full`, a split (`train`, `validation`, `holdout`), a stress
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

/// A closed trade, as trades.csv has it.
public struct TradeRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "trades"
    public var runID: String
    public var tradeID: Int
    public var symbol: String
    public var direction: String
    public var quantity: Double
    public var entryTime: String
    public var entryPrice: Double
    public var exitTime: String
    public var exitPrice: Double
    public var commission: Double
    public var pnl: Double
    public var `return`: Double
    public var bars: Int

    enum CodingKeys: String, CodingKey {
        case symbol, direction, quantity, commission, pnl, `return`, bars
        case runID = "run_id", tradeID = "trade_id", entryTime = "entry_time", entryPrice = "entry_price"
        case exitTime = "exit_time", exitPrice = "exit_price"
    }

    public init(runID: String, tradeID: Int, symbol: String, direction: String, quantity: Double, entryTime: String, entryPrice: Double,
                exitTime: String, exitPrice: Double, commission: Double, pnl: Double, return r: Double, bars: Int) {
        (self.runID, self.tradeID, self.symbol, self.direction, self.quantity) = (runID, tradeID, symbol, direction, quantity)
        (self.entryTime, self.entryPrice, self.exitTime, self.exitPrice) = (entryTime, entryPrice, exitTime, exitPrice)
        (self.commission, self.pnl, self.return, self.bars) = (commission, pnl, r, bars)
    }

    /// The columns of trades.csv, in its order.
    public static let columns = ["trade_id", "symbol", "direction", "quantity", "entry_time", "entry_price", "exit_time", "exit_price",
                                 "commission", "pnl", "return", "bars"]
}

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
