import Foundation
import GRDB

/// The job queue of `quantbt serve`, in the same SQLite file as the runs.
extension RunStore {
    /// Queues `job`, or returns the job already queued under its idempotency key. At most
    /// `limit` jobs wait at once: past it, nil.
    public func submit(_ job: JobRecord, limit: Int) throws -> (job: JobRecord, created: Bool)? {
        try pool.write { db in
            if let key = job.idempotencyKey, let existing = try JobRecord.filter(Column("idempotency_key") == key).fetchOne(db) {
                return (existing, false)
            }
            guard try JobRecord.filter(Column("status") == "queued").fetchCount(db) < limit else { return nil }
            var new = job
            try new.insert(db)
            return (new, true)
        }
    }

    public func job(_ id: Int64) throws -> JobRecord? { try pool.read { db in try JobRecord.fetchOne(db, key: id) } }

    /// Jobs, newest first, optionally of one status.
    public func jobs(status: String? = nil, limit: Int = 1_000) throws -> [JobRecord] {
        try pool.read { db in
            var request = JobRecord.order(Column("id").desc).limit(limit)
            if let status { request = request.filter(Column("status") == status) }
            return try request.fetchAll(db)
        }
    }

    /// Takes the oldest queued job: it becomes running, one attempt more.
    public func claimNextJob(now: String) throws -> JobRecord? {
        try pool.write { db in
            guard var job = try JobRecord.filter(Column("status") == "queued").order(Column("id")).fetchOne(db) else { return nil }
            job.status = "running"
            job.started = now
            job.attempts += 1
            job.progress = 0
            try job.update(db)
            return job
        }
    }

    /// Jobs a server left running when it stopped are queued again (runs are deterministic,
    /// so running one again is safe); returns how many.
    @discardableResult
    public func requeueRunningJobs() throws -> Int {
        try pool.write { db in
            try db.execute(sql: "UPDATE jobs SET status = 'queued', progress = 0 WHERE status = 'running'")
            return db.changesCount
        }
    }

    public func setJobProgress(_ id: Int64, _ progress: Double) throws {
        try pool.write { db in try db.execute(sql: "UPDATE jobs SET progress = ? WHERE id = ? AND status = 'running'", arguments: [progress, id]) }
    }

    /// Ends a job: succeeded (with its run), failed (with why) or cancelled.
    public func finishJob(_ id: Int64, status: String, runID: String?, error: String?, now: String) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE jobs SET status = ?, run_id = ?, error = ?, finished = ?, progress = CASE WHEN ? = 'succeeded' THEN 1 ELSE progress END WHERE id = ?",
                           arguments: [status, runID, error, now, status, id])
        }
    }

    /// A job back in the queue (its server is stopping while it runs).
    public func requeueJob(_ id: Int64) throws {
        try pool.write { db in try db.execute(sql: "UPDATE jobs SET status = 'queued', progress = 0 WHERE id = ? AND status = 'running'", arguments: [id]) }
    }

    /// Cancels a job: a queued one at once; a running one is marked for its server to stop.
    /// Returns the job as it is now, or nil when there is no such job.
    public func cancelJob(_ id: Int64, now: String) throws -> JobRecord? {
        try pool.write { db in
            guard var job = try JobRecord.fetchOne(db, key: id) else { return nil }
            switch job.status {
            case "queued":
                job.status = "cancelled"
                job.finished = now
            case "running":
                job.cancelRequested = true
            default:
                break
            }
            try job.update(db)
            return job
        }
    }
}
