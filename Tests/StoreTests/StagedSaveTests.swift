import Foundation
import Synchronization
@testable import Store
import Testing

/// Two trades of run `id`, and a child run with one of its own.
private func rows(_ id: String) -> IndexedRun {
    var r = run(id, fast: "10", sharpe: 1.5)
    r.trades = [1, 2].map {
        TradeRecord(runID: id, tradeID: $0, symbol: "BTC", direction: "long", quantity: 1, entryTime: "2023-01-01T00:00:00Z", entryPrice: 100,
                    exitTime: "2023-01-02T00:00:00Z", exitPrice: 101, commission: 0.2, pnl: 0.8, return: 0.008, bars: 1, tag: "long")
    }
    var child = IndexedRun(run: RunRecord(id: id + ":splits/train", experiment: "sma", kind: "split", status: "succeeded"))
    child.run.parentID = id
    child.trades = [r.trades[0]]
    child.trades[0].runID = child.run.id
    r.children = [child]
    return r
}

/// A save of `make()`'s rows (run `id`), its files written at once.
private func staged(_ store: RunStore, replacing placeholder: String?, _ id: String, _ make: @escaping @Sendable () throws -> IndexedRun) -> StagedSave {
    let save = store.stage(replacing: placeholder, runID: id) { _ in try make() }
    save.rowsReady()
    return save
}

private func placeholder(_ store: RunStore) throws -> String {
    try store.begin(RunRecord(id: "running-host-1-0", experiment: "sma", kind: "run", status: "running"))
    return "running-host-1-0"
}

/// Finished: the rows inserted before the decision and those the completion adds (the
/// run's provenance fields, its artifacts) land together, and the placeholder is gone.
@Test func stagedSaveFinishes() throws {
    let store = try RunStore(path: temporaryStorePath())
    let save = staged(store, replacing: try placeholder(store), "r1") { rows("r1") }
    try save.finish { indexed in
        indexed.run.gitCommit = "abc123"
        indexed.artifacts = [ArtifactRecord(runID: "r1", file: "trades.csv", bytes: 10, sha256: "00")]
    }
    let saved = try store.run("r1")
    #expect(saved.run.gitCommit == "abc123")
    #expect(saved.artifacts.map(\.file) == ["trades.csv"])
    #expect(saved.params.map(\.text) == ["10"])
    #expect(try store.trades("r1").map(\.tradeID) == [1, 2])
    #expect(try store.trades("r1:splits/train").map(\.tradeID) == [1])
    #expect(try store.list(RunStore.Query()).runs.map(\.run.id) == ["r1"])
}

/// Cancelled: nothing of the run is kept, the placeholder stays, and the store's writer is
/// free again (the next save goes through).
@Test func stagedSaveCancels() throws {
    let store = try RunStore(path: temporaryStorePath())
    let id = try placeholder(store)
    staged(store, replacing: id, "r1") { rows("r1") }.cancel()
    #expect(try store.trades("r1").isEmpty)
    #expect(try store.list(RunStore.Query()).runs.map(\.run.id) == [id])
    try store.save(rows("r2"), replacing: id)
    #expect(try store.trades("r2").count == 2)
}

/// Rows that cannot be produced (a run's files unreadable) or a completion that fails: the
/// error comes back from `finish`, word for word, and nothing is written.
@Test func stagedSaveFailuresWriteNothing() throws {
    let store = try RunStore(path: temporaryStorePath())
    let id = try placeholder(store)
    #expect(throws: StoreError("trades.csv is unreadable")) {
        try staged(store, replacing: id, "r1") { throw StoreError("trades.csv is unreadable") }.finish { _ in }
    }
    #expect(throws: StoreError("provenance.json is missing")) {
        try staged(store, replacing: id, "r1") { rows("r1") }.finish { _ in throw StoreError("provenance.json is missing") }
    }
    #expect(try store.trades("r1").isEmpty)
    #expect(try store.list(RunStore.Query()).runs.map(\.run.id) == [id])
}

/// The runs' own rows come last in a staged save: a child's reference to its parent and a
/// trade's to its run are checked at the commit, so a child without its parent still fails.
@Test func stagedSaveChecksReferencesAtTheCommit() throws {
    let store = try RunStore(path: temporaryStorePath())
    var orphaned = rows("r1")
    orphaned.children[0].run.parentID = "missing"
    let orphan = orphaned
    #expect(throws: (any Error).self) { try staged(store, replacing: nil, "r1") { orphan }.finish { _ in } }
    #expect(try store.trades("r1").isEmpty)
}

/// Trades given up front are saved while the run's files are written: the rows are read
/// only once they are ready, and without the run's own trades (saved already); the commit
/// holds both. Cancelled while it waits for the rows, nothing is kept and the writer is free.
@Test func stagedSaveTakesTradesFirst() throws {
    let store = try RunStore(path: temporaryStorePath())
    let id = try placeholder(store)
    let full = rows("r1")
    let asked = Mutex<[Bool]>([])
    let save = store.stage(replacing: id, runID: "r1", trades: { full.trades }) { tradesSaved in
        asked.withLock { $0.append(tradesSaved) }
        var r = full
        r.trades = []
        return r
    }
    Thread.sleep(forTimeInterval: 0.05)
    #expect(asked.withLock { $0 }.isEmpty, "the rows were read before the files were ready")
    save.rowsReady()
    try save.finish { _ in }
    #expect(asked.withLock { $0 } == [true])
    #expect(try store.trades("r1").map(\.tradeID) == [1, 2])
    #expect(try store.trades("r1:splits/train").map(\.tradeID) == [1])
    #expect(try store.run("r1").params.map(\.text) == ["10"])

    let waiting = store.stage(replacing: nil, runID: "r2", trades: { rows("r2").trades }) { _ in rows("r2") }
    waiting.cancel()
    #expect(try store.trades("r2").isEmpty)
    try store.save(rows("r3"), replacing: nil)
    #expect(try store.trades("r3").count == 2)
}

/// The rows are read by `rowsReady`'s caller, not on the save's thread behind the trades'
/// insert: the folder's rename waits for the read, and should not wait for the insert.
@Test func stagedSaveReadsTheRowsOnTheCallersThread() throws {
    let store = try RunStore(path: temporaryStorePath())
    let full = rows("r1")
    let readOn = Mutex<[pthread_t]>([])
    let save = store.stage(replacing: nil, runID: "r1", trades: { full.trades }) { _ in
        readOn.withLock { $0.append(pthread_self()) }
        var r = full
        r.trades = []
        return r
    }
    let caller = pthread_self()
    save.rowsReady()
    #expect(readOn.withLock { $0.count } == 1, "the rows were not read by the time rowsReady returned")
    #expect(readOn.withLock { $0.allSatisfy { pthread_equal($0, caller) != 0 } })
    try save.finish { _ in }
    #expect(try store.trades("r1").map(\.tradeID) == [1, 2])
}
