import Experiments
import Foundation
import Logging
import Model
import ServiceLifecycle
import Store

/// Runs queued jobs, at most `workers` at once, each as a quantbt child process (a crashing
/// or looping strategy cannot take the server down). On start, jobs a dead server left
/// running are queued again. A job asked to cancel, or past its time limit, is stopped
/// with SIGTERM (the experiment removes its half-written folder), SIGKILL after 10 s. On
/// SIGINT/SIGTERM the server stops its children the same way and queues their jobs again.
final class JobRunner: Service, @unchecked Sendable {
    let settings: ServerSettings
    let store: RunStore
    let logger: Logger
    private let lock = NSLock()
    private var running: [Int64: ChildJob] = [:]

    init(settings: ServerSettings, store: RunStore, logger: Logger) {
        (self.settings, self.store, self.logger) = (settings, store, logger)
    }

    var runningCount: Int { lock.withLock { running.count } }

    func run() async throws {
        let requeued = try store.requeueRunningJobs()
        if requeued > 0 { logger.info("queued again \(requeued) job(s) left running by a server that stopped") }
        await withGracefulShutdownHandler {
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                tick()
                try? await Task.sleep(for: .milliseconds(100))
            }
        } onGracefulShutdown: {}
        stopAll()
    }

    /// One look at the queue and the children: start what fits, stop what must stop.
    func tick() {
        for job in lock.withLock({ Array(running.values) }) {
            guard let id = job.record.id else { continue }
            if let limit = job.record.timeout, Date().timeIntervalSince(job.started) > limit { job.stop(reason: .timedOut(limit)) }
            if (try? store.job(id))?.cancelRequested == true { job.stop(reason: .cancelled) }
        }
        while runningCount < settings.workers, let record = try? store.claimNextJob(now: Self.now()) {
            start(record)
        }
    }

    private func start(_ record: JobRecord) {
        guard let id = record.id else { return }
        let request = JobRequest(experiment: record.experiment, kind: record.kind, overrides: record.overrideList, tags: record.tagMap,
                                 timeout: record.timeout)
        let arguments = request.arguments(store: settings.storePath, artifacts: settings.artifacts.path, build: settings.build)
        let child = ChildJob(record: record, executable: settings.quantbt, arguments: arguments, directory: settings.root)
        child.onProgress = { [store] done, total in try? store.setJobProgress(id, total > 0 ? Double(done) / Double(total) : 0) }
        child.onExit = { [weak self] outcome in self?.finished(id, outcome) }
        lock.withLock { running[id] = child }
        do {
            try child.launch()
            logger.info("job \(id) started: quantbt \(arguments.joined(separator: " "))")
        } catch {
            lock.withLock { _ = running.removeValue(forKey: id) }
            try? store.finishJob(id, status: "failed", runID: nil, error: "could not start \(settings.quantbt): \(error)", now: Self.now())
        }
    }

    private func finished(_ id: Int64, _ outcome: ChildJob.Outcome) {
        let shuttingDown = lock.withLock { running.removeValue(forKey: id) }?.requeueOnExit ?? false
        if shuttingDown { try? store.requeueJob(id); return }
        let now = Self.now()
        switch outcome {
        case .succeeded(let runID): try? store.finishJob(id, status: "succeeded", runID: runID, error: nil, now: now)
        case .cancelled: try? store.finishJob(id, status: "cancelled", runID: nil, error: nil, now: now)
        case .failed(let why): try? store.finishJob(id, status: "failed", runID: nil, error: why, now: now)
        }
        logger.info("job \(id) ended: \(outcome)")
    }

    /// Stops every child and queues its job again (the server is stopping).
    func stopAll() {
        let children = lock.withLock { Array(running.values) }
        for child in children { child.stop(reason: .serverStopping) }
        for child in children { child.waitUntilExit() }
    }

    static func now() -> String { Timestamp(milliseconds: Int64(Date().timeIntervalSince1970 * 1000)).description }
}
