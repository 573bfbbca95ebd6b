import Foundation
import GRDB

/// The results store: an SQLite index of every run folder (`artifacts/runs.sqlite` unless
/// `--store` or `QUANTBT_STORE` says otherwise), in WAL mode so that several processes
/// record at once and readers never wait. The folders stay the source of truth; the index
/// can always be rebuilt from them (`quantbt runs reindex`).
public final class RunStore: Sendable {
    public let path: String
    let pool: DatabasePool

    public init(path: String) throws {
        self.path = path
        let fm = FileManager.default
        try? fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)  // concurrent writers wait for each other
        configuration.foreignKeysEnabled = true
        // WAL with synchronous=NORMAL: a crash never corrupts the file, and a commit does not
        // wait for the disk (a power cut may lose the last runs, which reindex brings back).
        // A page cache of up to 64 MB (2 MB by default): a run's 10,000 trades dirty more
        // pages than the default holds, which then spill to the WAL a page at a time before
        // the commit (inserting P1's trades: 24-38 ms -> 21-29 ms, alternated runs).
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536") }
        do {
            pool = try Self.openMigrated(path, configuration)
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            throw StoreError("the results store \(path) is damaged (\(error.message ?? "not a database")); "
                + "run `quantbt runs reindex` to rebuild it from the run folders")
        } catch {
            throw StoreError("cannot open the results store \(path): \(error)")
        }
        try markAbandoned()
    }

    /// Opens and migrates, waiting out another process that is creating the same file
    /// (switching a new file to WAL needs a moment of exclusive access, for which SQLite's
    /// busy timeout does not wait).
    private static func openMigrated(_ path: String, _ configuration: Configuration) throws -> DatabasePool {
        var attempt = 0
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                let migrator = StoreSchema.migrator
                // Up to date (the usual case): no lock taken. Otherwise one process at a time
                // migrates: the migrator checks what is applied before it takes SQLite's lock.
                if try !pool.read({ try migrator.hasCompletedMigrations($0) }) {
                    try withFileLock(path + ".lock") { try migrator.migrate(pool) }
                }
                return pool
            } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) && attempt < 100 {
                attempt += 1
                usleep(50_000)
            }
        }
    }

    /// Runs `body` holding an exclusive flock(2) on `path` (made if missing).
    private static func withFileLock<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw StoreError("cannot create the lock file \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { throw StoreError("cannot lock \(path): \(String(cString: strerror(errno)))") }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Runs left `running` by a process that is gone (on this host) are failed runs.
    func markAbandoned() throws {
        let host = ProcessInfo.processInfo.hostName
        // Read first: most opens find nothing to mend and need no write.
        guard try pool.read({ try RunRecord.filter(Column("status") == "running").fetchCount($0) }) > 0 else { return }
        try pool.write { db in
            for row in try RunRecord.filter(Column("status") == "running").fetchAll(db) {
                guard row.host == host, let pid = row.pid, kill(pid_t(pid), 0) != 0, errno == ESRCH else { continue }
                var failed = row
                failed.status = "failed"
                failed.error = failed.error ?? "the process (pid \(pid)) ended before the run was recorded"
                try failed.update(db)
            }
        }
    }

    /// A `running` row for a run being computed; `finish` replaces it, `fail` marks it.
    public func begin(_ run: RunRecord) throws { try pool.write { db in try run.save(db) } }

    public func fail(id: String, error: String) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE runs SET status = 'failed', error = ? WHERE id = ?", arguments: [String(error.prefix(2000)), id])
        }
    }

    /// Writes a run and its children in one transaction, replacing any rows of the same ids
    /// and the placeholder `running` row.
    public func save(_ indexed: IndexedRun, replacing placeholder: String? = nil) throws {
        try pool.write { db in
            if let placeholder { try db.execute(sql: "DELETE FROM runs WHERE id = ?", arguments: [placeholder]) }
            try Self.insert(indexed, db)
        }
    }

    /// Plain cached statements rather than Codable records: reindexing 10,000 runs inserts
    /// half a million rows, and encoding each record would be most of the time.
    static func insert(_ indexed: IndexedRun, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM runs WHERE id = ?", arguments: [indexed.run.id])
        try insertRecords(indexed, db)
        try insertDetails(indexed, db)
    }

    /// The rows a run's commit decides (its row, with provenance; its data files and
    /// artifacts), for the run and its children.
    static func insertRecords(_ indexed: IndexedRun, _ db: Database) throws {
        let runs = try db.cachedStatement(sql: """
            INSERT INTO runs (id, experiment, kind, parent_id, status, started, finished, duration_ms, git_commit, git_dirty, config_sha256,
                data_sha256, manifest_sha256, toolchain, host, pid, run_dir, error) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        let datasets = try db.cachedStatement(sql: "INSERT INTO datasets (run_id, path, bytes, sha256) VALUES (?,?,?,?)")
        let artifacts = try db.cachedStatement(sql: "INSERT INTO artifacts (run_id, file, bytes, sha256) VALUES (?,?,?,?)")
        for r in indexed.all {
            let x = r.run
            try runs.execute(arguments: [x.id, x.experiment, x.kind, x.parentID, x.status, x.started, x.finished, x.durationMS, x.gitCommit,
                                         x.gitDirty, x.configSHA256, x.dataSHA256, x.manifestSHA256, x.toolchain, x.host, x.pid, x.runDir, x.error])
            for d in r.datasets { try datasets.execute(arguments: [d.runID, d.path, d.bytes, d.sha256]) }
            for a in r.artifacts { try artifacts.execute(arguments: [a.runID, a.file, a.bytes, a.sha256]) }
        }
    }

    /// The rows the run's files decide before its commit: parameters, metrics, trades, tags.
    static func insertDetails(_ indexed: IndexedRun, _ db: Database) throws {
        let params = try db.cachedStatement(sql: "INSERT INTO params (run_id, key, text, number) VALUES (?,?,?,?)")
        let metrics = try db.cachedStatement(sql: "INSERT INTO metrics (run_id, segment, key, value) VALUES (?,?,?,?)")
        let trades = try TradeInserter(db)
        let tags = try db.cachedStatement(sql: "INSERT INTO tags (run_id, key, value) VALUES (?,?,?)")
        for r in indexed.all {
            for p in r.params { try params.execute(arguments: [p.runID, p.key, p.text, p.number]) }
            for m in r.metrics { try metrics.execute(arguments: [m.runID, m.segment, m.key, m.value]) }
            try trades.insert(r.trades)
            for t in r.tags { try tags.execute(arguments: [t.runID, t.key, t.value]) }
        }
    }

    /// Replaces the whole index with `runs` (reindex), in one transaction.
    public func replaceAll(_ runs: [IndexedRun]) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM runs")
            for r in runs { try Self.insert(r, db) }
            try db.execute(sql: "INSERT OR REPLACE INTO store_facts (key, value) VALUES ('built', 'yes')")
        }
    }

    /// Fills a new store from the folders exactly once, however many processes open it at
    /// the same moment: under the write lock, only if no one has done it yet, and without
    /// touching rows others wrote meanwhile (their runs in progress).
    public func fillOnce(_ runs: () throws -> [IndexedRun]) throws {
        // The usual case, a store that was filled long ago: one read, no lock.
        guard try pool.read({ try String.fetchOne($0, sql: "SELECT value FROM store_facts WHERE key = 'built'") }) == nil else { return }
        try pool.write { db in
            guard try String.fetchOne(db, sql: "SELECT value FROM store_facts WHERE key = 'built'") == nil else { return }
            for r in try runs() { try Self.insert(r, db) }
            try db.execute(sql: "INSERT INTO store_facts (key, value) VALUES ('built', 'yes')")
        }
    }

    /// The id a user means: an exact id, a unique prefix, or `latest` (the newest top-level run that succeeded).
    public func resolve(_ given: String) throws -> String {
        try pool.read { db in
            if given == "latest" {
                guard let id = try String.fetchOne(db, sql: "SELECT id FROM runs WHERE parent_id IS NULL AND status = 'succeeded' ORDER BY started DESC, id DESC LIMIT 1") else {
                    throw StoreError("no runs are indexed yet; run one with `quantbt run experiments/NAME`")
                }
                return id
            }
            if try RunRecord.fetchOne(db, key: given) != nil { return given }
            let matches = try String.fetchAll(db, sql: "SELECT id FROM runs WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 6",
                                              arguments: [given.replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"])
            switch matches.count {
            case 0: throw StoreError("no run with id '\(given)'; list them with `quantbt runs list`")
            case 1: return matches[0]
            default: throw StoreError("'\(given)' matches several runs (\(matches.prefix(5).joined(separator: ", "))\(matches.count > 5 ? ", ..." : "")); give more of the id")
            }
        }
    }

    public func run(_ id: String) throws -> IndexedRun {
        try pool.read { db in try Self.load(id, db) }
    }

    static func load(_ id: String, _ db: Database) throws -> IndexedRun {
        guard let row = try RunRecord.fetchOne(db, key: id) else { throw StoreError("no run with id '\(id)'") }
        var r = IndexedRun(run: row)
        let mine = Column("run_id") == id
        r.params = try ParamRecord.filter(mine).order(Column("key")).fetchAll(db)
        r.metrics = try MetricRecord.filter(mine).order(Column("segment"), Column("key")).fetchAll(db)
        r.datasets = try DatasetRecord.filter(mine).order(Column("path")).fetchAll(db)
        r.artifacts = try ArtifactRecord.filter(mine).order(Column("file")).fetchAll(db)
        r.tags = try TagRecord.filter(mine).order(Column("key")).fetchAll(db)
        r.children = try String.fetchAll(db, sql: "SELECT id FROM runs WHERE parent_id = ? ORDER BY id", arguments: [id]).map { try load($0, db) }
        return r
    }

    public func trades(_ id: String) throws -> [TradeRecord] {
        try pool.read { db in try TradeRecord.filter(Column("run_id") == id).order(Column("exit_time"), Column("trade_id")).fetchAll(db) }
    }

    public func setTag(_ id: String, key: String, value: String) throws {
        try pool.write { db in try TagRecord(runID: id, key: key, value: value).save(db) }
    }

    /// Removes a run and its children (a placeholder too).
    public func delete(_ id: String) throws {
        try pool.write { db in try db.execute(sql: "DELETE FROM runs WHERE id = ? OR parent_id = ?", arguments: [id, id]) }
    }

    public func count() throws -> Int { try pool.read { db in try RunRecord.fetchCount(db) } }
}
