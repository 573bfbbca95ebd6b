import Foundation
import Model
import Store

/// The results store's side of `ExperimentRunner.record`: a `running` row while the study
/// computes (with pid and host, so a killed run shows as failed later), replaced by the
/// indexed run folder in one transaction when it is recorded, or marked failed. The store
/// never fails a run: the folder is the source of truth, and a warning says how to mend
/// the index.
struct IndexedRecording: @unchecked Sendable {  // the runner's warn closure is called from one thread at a time
    let store: RunStore
    let placeholder: String
    let runner: ExperimentRunner

    /// nil (with a warning) when the store cannot be opened.
    init?(runner: ExperimentRunner, kind: String, experiment: String, started: Date) {
        let path = RunIndex.path(runner.storePath, artifacts: runner.artifacts)
        do { store = try RunIndex.open(path, artifacts: runner.artifacts, root: runner.root) } catch {
            runner.warn("warning: the run is not indexed: \(error)")
            return nil
        }
        self.runner = runner
        let pid = Int(getpid()), host = ProcessInfo.processInfo.hostName
        placeholder = "running-\(host)-\(pid)-\(Int64(started.timeIntervalSince1970 * 1000))"
        var row = RunRecord(id: placeholder, experiment: experiment, kind: kind, status: "running")
        // Whole seconds, as ISO8601DateFormatter wrote them; without it, whose first use loads
        // ICU's calendars (about 1 ms of every run).
        let ms = Int64((started.timeIntervalSince1970 * 1000).rounded(.down))
        (row.pid, row.host, row.started) = (pid, host, Timestamp(milliseconds: ms - ms % 1000).description)
        do { try store.begin(row) } catch { runner.warn("warning: the results store \(path) did not take the run: \(error)") }
    }

    /// Opens the store and writes the running row on another thread.
    static func begin(runner: ExperimentRunner, kind: String, experiment: String, started: Date) -> BackgroundTask<IndexedRecording?> {
        // The runner (its warn closure) is only used by this task until `value` is read.
        nonisolated(unsafe) let runner = runner
        return BackgroundTask { IndexedRecording(runner: runner, kind: kind, experiment: experiment, started: started) }
    }

    /// The run's save, begun from its `.partial-` folder under the name it is expected to
    /// be renamed to.
    struct Staged {
        let save: StagedSave
        let runID: String
        func cancel() { save.cancel() }
        /// The run's files are written: reads the rows they decide (on this thread) for the save.
        func rowsReady() { save.rowsReady() }
    }

    /// Starts the run's save as its files are being written. `trades`, when it gives them,
    /// are the rows trades.csv holds, built from the same values rather than read back
    /// (called on the save's thread): they are inserted at once. The other rows come from
    /// the files once `Staged.rowsReady` says they are written, and everything is committed
    /// with the run.
    func stage(_ staging: URL, runID: String, trades: @escaping @Sendable () -> [TradeRecord]? = { nil }) -> Staged {
        let save = store.stage(replacing: placeholder, runID: runID, trades: trades) { tradesSaved in
            try RunIndexer.content(staging, id: runID, trades: tradesSaved ? [] : nil)
        }
        return Staged(save: save, runID: runID)
    }

    /// Commits the staged rows with what the commit added (provenance, manifest), read from
    /// the final folder. A folder that took another name than expected (another process
    /// took that one first) is indexed again from its files under its own name.
    func succeeded(_ folder: URL, staged: Staged?) {
        var timer = PhaseTimer()
        let root = runner.root
        do {
            if let staged, staged.runID == folder.lastPathComponent {
                try staged.save.finish { try RunIndexer.finish(&$0, folder: folder, root: root, verify: false) }
            } else {
                staged?.cancel()
                var indexed = try RunIndexer.content(folder, id: folder.lastPathComponent)
                try RunIndexer.finish(&indexed, folder: folder, root: root, verify: false)
                try store.save(indexed, replacing: placeholder)
            }
            timer.mark("index save")
        } catch {
            runner.warn("warning: the run is recorded in \(folder.path(relativeTo: runner.root)) but not indexed (\(error)); "
                + "run `quantbt runs reindex` to index it")
        }
    }

    /// A failed run stays in the index as failed; bad input found late is not a run at all.
    func failed(_ error: Error) {
        if error is ConfigError { try? store.delete(placeholder) } else { try? store.fail(id: placeholder, error: "\(error)") }
    }
}
