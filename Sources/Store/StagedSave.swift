import Dispatch
import GRDB

/// A run's save begun before its folder is final, so that inserting its trades overlaps the
/// end of the run (the report, the manifest, the rename) instead of following it. On a
/// thread of its own, one transaction takes the rows the run's files decide (parameters,
/// metrics, trades, tags) and waits; `finish` hands it the rest once the folder is in place
/// and waits for the commit, `cancel` rolls it back. Until either, the store's writer is
/// held: the caller writes nothing else to the store in between. The rows are read from
/// files that are about to move: `waitUntilRead` says when they have been.
public final class StagedSave: @unchecked Sendable {  // `decision` and `outcome` are handed over through the semaphores
    private enum Decision { case finish((inout IndexedRun) throws -> Void), cancel }
    private struct Cancelled: Error {}

    private var decision: Decision?
    private var outcome: Result<Void, Error>?
    /// Let go on the save's thread before it says it has ended: the store's connections
    /// close when the caller lets go of the store, not a moment later on another thread.
    private var pool: DatabasePool?
    private let decided = DispatchSemaphore(value: 0)
    private let ended = DispatchSemaphore(value: 0)
    private let read = DispatchSemaphore(value: 0)

    init(pool: DatabasePool, replacing placeholder: String?, rows: @escaping @Sendable () throws -> IndexedRun) {
        self.pool = pool
        DispatchQueue.global().async { [self] in
            // Read first, then the writer is taken: the folder may move once they are read.
            let produced = Result { try rows() }
            read.signal()
            outcome = Result { try save(produced.get(), replacing: placeholder) }  // unreadable rows: nothing is written
            self.pool = nil
            ended.signal()
        }
    }

    private func save(_ rows: IndexedRun, replacing placeholder: String?) throws {
        var indexed = rows
        try pool!.write { db in
            if let placeholder { try db.execute(sql: "DELETE FROM runs WHERE id = ?", arguments: [placeholder]) }
            try db.execute(sql: "DELETE FROM runs WHERE id = ?", arguments: [indexed.run.id])
            // The runs' own rows come last: their references are checked at the commit.
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            try RunStore.insertDetails(indexed, db)
            decided.wait()
            guard case .finish(let complete)? = decision else { throw Cancelled() }
            try complete(&indexed)
            try RunStore.insertRecords(indexed, db)
        }
    }

    /// Waits until the rows have been read (or failed to be): their files may move then.
    public func waitUntilRead() {
        read.wait()
        read.signal()
    }

    /// Completes the rows (`complete` runs on the save's thread, inside its transaction:
    /// it may read the final folder) and commits them. Throws what failed, rolled back.
    public func finish(_ complete: @escaping (inout IndexedRun) throws -> Void) throws {
        decision = .finish(complete)
        decided.signal()
        ended.wait()
        try outcome!.get()
    }

    /// Rolls the rows back and waits until the store's writer is free again.
    public func cancel() {
        decision = .cancel
        decided.signal()
        ended.wait()
    }
}

extension RunStore {
    /// Starts saving the run `rows` produces, replacing the placeholder `running` row; see
    /// `StagedSave`. `rows` runs on the save's thread.
    public func stage(replacing placeholder: String?, rows: @escaping @Sendable () throws -> IndexedRun) -> StagedSave {
        StagedSave(pool: pool, replacing: placeholder, rows: rows)
    }
}
