import Foundation
import Store

/// Opening the results store for the runner and the CLI: a missing file is made and filled
/// from the run folders; `rebuild` is `quantbt runs reindex`.
package enum RunIndex {
    /// `explicit`, else `$QUANTBT_STORE`, else `<artifacts>/runs.sqlite`.
    package static func path(_ explicit: String?, artifacts: URL) -> String {
        explicit ?? ProcessInfo.processInfo.environment["QUANTBT_STORE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? artifacts.appendingPathComponent("runs.sqlite").path
    }

    /// The store at `path`; a store never filled from the folders is filled first.
    package static func open(_ path: String, artifacts: URL, root: URL) throws -> RunStore {
        let store = try RunStore(path: path)
        // A new file (or one whose filling was cut short) is filled from the folders.
        try store.fillOnce { folders(artifacts).compactMap { try? RunIndexer.read($0, root: root, verify: true) } }
        return store
    }

    /// Every finished run folder under `artifacts/<experiment>/`, oldest first.
    static func folders(_ artifacts: URL) -> [URL] {
        let fm = FileManager.default
        let experiments = (try? fm.contentsOfDirectory(at: artifacts, includingPropertiesForKeys: [.isDirectoryKey])) ?? []
        return experiments.sorted { $0.path < $1.path }.flatMap { experiment -> [URL] in
            let runs = (try? fm.contentsOfDirectory(atPath: experiment.path)) ?? []
            return runs.filter { !$0.hasPrefix(".") && $0 != "latest" }.sorted()
                .map { experiment.appendingPathComponent($0) }
                .filter { fm.fileExists(atPath: $0.appendingPathComponent("manifest.json").path) || fm.fileExists(atPath: $0.appendingPathComponent("config.yaml").path) }
        }
    }

    /// Replaces the index with what the folders hold, hashes checked; folders that cannot
    /// be read are skipped and named with the reason.
    package static func rebuild(_ store: RunStore, artifacts: URL, root: URL, workers: Int = ProcessInfo.processInfo.activeProcessorCount)
        throws -> (indexed: Int, damaged: Int, skipped: [String]) {
        var timer = PhaseTimer()
        let results = try folders(artifacts).orderedConcurrentMap(workers: workers) { folder -> Result<IndexedRun, Error> in
            Result { try RunIndexer.read(folder, root: root, verify: true) }
        }
        var runs: [IndexedRun] = [], skipped: [String] = []
        for (folder, result) in zip(folders(artifacts), results) {
            switch result {
            case .success(let r): runs.append(r)
            case .failure(let e): skipped.append("\(folder.path(relativeTo: root)): \(e)")
            }
        }
        timer.mark("read folders")
        try store.replaceAll(runs)
        timer.mark("insert")
        return (runs.count, runs.filter { $0.run.status == "damaged" }.count, skipped)
    }
}

extension RunIndex {
    /// Tags a top-level run, in its folder's tags.json (so a reindex keeps it) and in the store.
    package static func tag(_ store: RunStore, id: String, key: String, value: String, root: URL) throws {
        let run = try store.run(id).run
        guard run.parentID == nil, let dir = run.runDir else {
            throw StoreError("\(id) is part of \(run.parentID ?? "another run"); tag that run instead")
        }
        let url = root.appendingPathComponent(dir).appendingPathComponent("tags.json")
        var tags = (FileManager.default.contents(atPath: url.path)).flatMap { try? JSONDecoder().decode([String: String].self, from: $0) } ?? [:]
        tags[key] = value
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".tags.json.\(getpid())")
        do {
            try Data(CanonicalValue.map(tags.mapValues { .string($0) }).json().utf8).write(to: temporary)
            _ = try FileManager.default.replaceItemAt(url, withItemAt: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw StoreError("cannot write \(url.path): \(error.localizedDescription)")
        }
        try store.setTag(id, key: key, value: value)
    }

    /// Removes a top-level run's folder and its rows; `latest` moves to the newest run left.
    package static func delete(_ store: RunStore, id: String, root: URL) throws -> String {
        let run = try store.run(id).run
        guard run.parentID == nil else { throw StoreError("\(id) is part of \(run.parentID!); delete that run instead") }
        if let dir = run.runDir {
            let folder = root.appendingPathComponent(dir)
            if FileManager.default.fileExists(atPath: folder.path) {
                do { try FileManager.default.removeItem(at: folder) } catch { throw StoreError("cannot remove \(dir): \(error.localizedDescription)") }
            }
            let parent = folder.deletingLastPathComponent(), latest = parent.appendingPathComponent("latest")
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: latest.path)) == folder.lastPathComponent {
                try? FileManager.default.removeItem(at: latest)
                if let newest = folders(parent.deletingLastPathComponent()).filter({ $0.deletingLastPathComponent().path == parent.path }).last {
                    try? FileManager.default.createSymbolicLink(atPath: latest.path, withDestinationPath: newest.lastPathComponent)
                }
            }
        }
        try store.delete(id)
        return run.runDir ?? id
    }

    /// Opens the store for a reindex, starting a new file when the old one is damaged.
    package static func openForRebuild(_ path: String) throws -> RunStore {
        if let store = try? RunStore(path: path) { return store }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        return try RunStore(path: path)
    }
}
