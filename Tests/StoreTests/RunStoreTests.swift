import Foundation
import GRDB
@testable import Store
import Testing

func temporaryStorePath() -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent("runs.sqlite").path
}

func run(_ id: String, fast: String, sharpe: Double, started: String = "2026-01-01T00:00:00Z") -> IndexedRun {
    var r = IndexedRun(run: RunRecord(id: id, experiment: "sma", kind: "run", status: "succeeded"))
    r.run.started = started
    r.params = [ParamRecord(runID: id, key: "fast", text: fast)]
    r.metrics = [MetricRecord(runID: id, segment: "full", key: "sharpe", value: sharpe)]
    return r
}

/// Parameters compare as numbers: 60, 240 and 1000 are not sorted as text ("1000" < "240").
@Test func numericParamsCompareAsNumbers() throws {
    let store = try RunStore(path: temporaryStorePath())
    for (i, fast) in ["60", "240", "1000"].enumerated() { try store.save(run("r\(i)", fast: fast, sharpe: Double(i))) }
    var q = RunStore.Query()
    q.filter = try RunFilter("params.fast > 100")
    #expect(try store.list(q).runs.map(\.run.id).sorted() == ["r1", "r2"])
    q.filter = nil
    (q.sortBy, q.descending) = ("params.fast", false)
    #expect(try store.list(q).runs.map(\.run.id) == ["r0", "r1", "r2"])
    q.filter = try RunFilter("metrics.sharpe >= 1 and not params.fast = 1000")
    #expect(try store.list(q).runs.map(\.run.id) == ["r1"])
}

/// A new file gets every migration; a file made with only the first is brought up to date
/// in place, its rows kept.
@Test func migrationsFromEmptyAndFromTheFirstSchema() throws {
    let fresh = try RunStore(path: temporaryStorePath())
    let (applied, columns) = try fresh.pool.read { db in (try StoreSchema.migrator.appliedIdentifiers(db), try db.columns(in: "runs").map(\.name)) }
    #expect(applied.count == 6)
    #expect(columns.contains("error"))
    let withoutRowid = try fresh.pool.read { db in
        try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'trades'")?.hasSuffix("WITHOUT ROWID") }
    #expect(withoutRowid == true)
    let path = temporaryStorePath()
    let old = try DatabaseQueue(path: path)
    try StoreSchema.migrator.migrate(old, upTo: "v1 runs, params, metrics, trades, datasets, artifacts, tags")
    try old.write { db in
        try db.execute(sql: "INSERT INTO runs (id, experiment, kind, status) VALUES ('old', 'sma', 'run', 'succeeded')")
        try db.execute(sql: """
            INSERT INTO trades (run_id, trade_id, symbol, direction, quantity, entry_time, entry_price, exit_time, exit_price, commission, pnl,
                "return", bars) VALUES ('old', 2, 'BTCUSD', 'short', 0.5, '2023-01-02T00:00:00Z', 16000.5, '2023-01-03T00:00:00Z', 15900.25, 1.5,
                48.5, 0.00606, 1440), ('old', 1, 'BTCUSD', 'long', 1, '2023-01-01T00:00:00Z', 16335.47, '2023-01-01T01:00:00Z', 16400, 3.25,
                61.28, 0.00375, 60)
            """)
    }
    try old.close()
    let upgraded = try RunStore(path: path)
    #expect(try upgraded.run("old").run.experiment == "sma")
    let indexes = try upgraded.pool.read { db in try db.indexes(on: "metrics").map(\.name) }
    #expect(indexes.contains("metrics_by_value"))
    // Trades indexed before tags read as untagged.
    let tradeColumns = try upgraded.pool.read { db in try db.columns(in: "trades").map(\.name) }
    #expect(tradeColumns.last == "tag")
    // Rebuilt without a rowid (v6): every trade kept, in key order, untagged.
    let trades = try upgraded.trades("old")
    #expect(trades.map(\.tradeID) == [1, 2])
    #expect(trades.map(\.exitPrice) == [16400, 15900.25])
    #expect(trades.map(\.tag) == ["", ""])
}

/// A `running` row whose process is gone is a failed run the next time the store opens.
@Test func abandonedRunsAreFailed() throws {
    let path = temporaryStorePath()
    let store = try RunStore(path: path)
    let gone = Process()
    gone.executableURL = URL(fileURLWithPath: "/bin/true")
    try gone.run()
    gone.waitUntilExit()
    var row = RunRecord(id: "running-x", experiment: "sma", kind: "run", status: "running")
    (row.pid, row.host) = (Int(gone.processIdentifier), ProcessInfo.processInfo.hostName)
    try store.begin(row)
    var alive = RunRecord(id: "running-me", experiment: "sma", kind: "run", status: "running")
    (alive.pid, alive.host) = (Int(getpid()), ProcessInfo.processInfo.hostName)
    try store.begin(alive)
    let reopened = try RunStore(path: path)
    #expect(try reopened.run("running-x").run.status == "failed")
    #expect(try reopened.run("running-x").run.error == "the process (pid \(gone.processIdentifier)) ended before the run was recorded")
    #expect(try reopened.run("running-me").run.status == "running")
}

/// A file that is not a database gives an error that says how to mend it.
@Test func corruptFileSaysToReindex() throws {
    let path = temporaryStorePath()
    try Data(String(repeating: "not a database ", count: 400).utf8).write(to: URL(fileURLWithPath: path))
    let message: String
    do { _ = try RunStore(path: path); message = "opened" } catch { message = "\(error)" }
    #expect(message == "the results store \(path) is damaged (file is not a database); run `quantbt runs reindex` to rebuild it from the run folders")
}

/// A unique prefix or `latest` names a run; an ambiguous prefix lists the candidates.
@Test func resolvingIDs() throws {
    let store = try RunStore(path: temporaryStorePath())
    try store.save(run("20260101T000000Z-aaaa", fast: "1", sharpe: 1, started: "2026-01-01T00:00:00Z"))
    try store.save(run("20260102T000000Z-bbbb", fast: "1", sharpe: 1, started: "2026-01-02T00:00:00Z"))
    #expect(try store.resolve("20260101") == "20260101T000000Z-aaaa")
    #expect(try store.resolve("latest") == "20260102T000000Z-bbbb")
    let message: String
    do { _ = try store.resolve("2026"); message = "resolved" } catch { message = "\(error)" }
    #expect(message == "'2026' matches several runs (20260101T000000Z-aaaa, 20260102T000000Z-bbbb); give more of the id")
}
