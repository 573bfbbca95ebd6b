import CProcess
import Foundation
import GRDB

/// A run's save begun before its folder is final, so that inserting its trades overlaps the
/// writing of the run's files instead of following the run. On a thread of its own, one
/// transaction takes the run's trades when they are given (as soon as the save begins),
/// then the rows the files decide (parameters, metrics, trades read from trades.csv when not
/// given, tags), and waits; `finish` hands it the rest once the folder is in place and waits
/// for the commit, `cancel` rolls it back. From its first insert until either, the store's
/// writer is held: the caller writes nothing else to the store in between.
///
/// The rows are read from files that are about to move, by `rowsReady` on its caller's
/// thread once they are written, so the files may move as soon as it returns: not on the
/// save's thread, which is niced and may still be inserting the trades then, so that the
/// folder's rename waited for the insert (up to 20 ms of a plain run's 0.18 s).
public final class StagedSave: @unchecked Sendable {  // `decision` is only touched under `lock`; `outcome` is handed over through `ended`
    private enum Decision { case finish((inout IndexedRun) throws -> Void), cancel }
    private struct Cancelled: Error {}

    /// Under `lock`: a cancel may come while the save's thread looks whether one came.
    private var decision: Decision?
    private let lock = NSLock()
    private var outcome: Result<Void, Error>?
    /// Let go on the save's thread before it says it has ended: the store's connections
    /// close when the caller lets go of the store, not a moment later on another thread.
    private var pool: DatabasePool?
    private let ready = DispatchSemaphore(value: 0)
    private let decided = DispatchSemaphore(value: 0)
    private let ended = DispatchSemaphore(value: 0)
    /// Whether the trades were given, set by the save's thread before `tradesKnown` (the
    /// rows leave out the trades saved already).
    private var tradesGiven = false
    private let tradesKnown = DispatchSemaphore(value: 0)
    private let rows: @Sendable (_ tradesSaved: Bool) throws -> IndexedRun
    /// The rows as `rowsReady` read them, set before it signals `ready`.
    private var produced: Result<IndexedRun, Error>?

    /// `trades`: run `runID`'s trades, or nil when they are to be read with the rows;
    /// `rows(tradesSaved)`: the run's rows, without the run's own trades when they were
    /// saved already.
    init(pool: DatabasePool, replacing placeholder: String?, runID: String, trades: @escaping @Sendable () -> [TradeRecord]?,
         rows: @escaping @Sendable (_ tradesSaved: Bool) throws -> IndexedRun) {
        self.pool = pool
        self.rows = rows
        // A thread of its own, niced: the save runs beside the run's file writers and takes
        // only the time they leave (the writers and then the report are the run's critical
        // path); once they are done it has the cores to itself.
        Thread { [self] in
            _ = qbt_lower_thread_priority(10)
            outcome = Result { try save(placeholder, runID: runID, trades: trades) }
            self.pool = nil
            ended.signal()
        }.start()
    }

    private func save(_ placeholder: String?, runID: String, trades: () -> [TradeRecord]?) throws {
        let given = trades()
        tradesGiven = given != nil
        tradesKnown.signal()
        guard let given else {
            // The rows first, then the writer is taken.
            ready.wait()
            try cancelled()
            let produced = self.produced!
            return try write(placeholder, runID: runID) { _ in try produced.get() }  // unreadable rows: nothing is written
        }
        try write(placeholder, runID: runID) { db in
            try TradeInserter(db).insert(given)
            ready.wait()
            try cancelled()
            return try produced!.get()
        }
    }

    /// One transaction: the run's rows (`rows` may insert some itself), then, once decided,
    /// what the completion adds. The runs' own rows come last: references to them are
    /// checked at the commit.
    private func write(_ placeholder: String?, runID: String, rows: (Database) throws -> IndexedRun) throws {
        try pool!.write { db in
            if let placeholder { try db.execute(sql: "DELETE FROM runs WHERE id = ?", arguments: [placeholder]) }
            try db.execute(sql: "DELETE FROM runs WHERE id = ?", arguments: [runID])
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            var indexed = try rows(db)
            try RunStore.insertDetails(indexed, db)
            decided.wait()
            guard case .finish(let complete)? = lock.withLock({ decision }) else { throw Cancelled() }
            try complete(&indexed)
            try RunStore.insertRecords(indexed, db)
        }
    }

    private func cancelled() throws {
        if case .cancel? = lock.withLock({ decision }) { throw Cancelled() }
    }

    /// The run's files are written: reads the rows they decide, here, on the caller's
    /// thread (see the type's note), and hands them to the save. Once it returns, the files
    /// may move.
    public func rowsReady() {
        tradesKnown.wait()
        tradesKnown.signal()
        if case .cancel? = lock.withLock({ decision }) { return }
        produced = Result { try rows(tradesGiven) }
        ready.signal()
    }

    /// Completes the rows (`complete` runs on the save's thread, inside its transaction:
    /// it may read the final folder) and commits them. Throws what failed, rolled back.
    public func finish(_ complete: @escaping (inout IndexedRun) throws -> Void) throws {
        lock.withLock { decision = .finish(complete) }
        decided.signal()
        ended.wait()
        try outcome!.get()
    }

    /// Rolls the rows back and waits until the store's writer is free again.
    public func cancel() {
        lock.withLock { decision = .cancel }
        ready.signal()
        decided.signal()
        ended.wait()
    }
}

extension RunStore {
    /// Starts saving run `runID`, replacing the placeholder `running` row; see `StagedSave`.
    /// `trades` (nil: read with the rows) runs on the save's thread, `rows` in `rowsReady`.
    public func stage(replacing placeholder: String?, runID: String, trades: @escaping @Sendable () -> [TradeRecord]? = { nil },
                      rows: @escaping @Sendable (_ tradesSaved: Bool) throws -> IndexedRun) -> StagedSave {
        StagedSave(pool: pool, replacing: placeholder, runID: runID, trades: trades, rows: rows)
    }
}
