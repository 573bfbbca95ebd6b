import Foundation

/// How many times an experiment's holdout has been evaluated: one line per validation run
/// in `artifacts/<experiment>/holdout-ledger.jsonl` (run id and config hash). Looking at the
/// holdout again and again turns it into training data; the count in every report keeps
/// that visible.
struct HoldoutLedger {
    let url: URL

    init(experimentArtifacts: URL) { url = experimentArtifacts.appendingPathComponent("holdout-ledger.jsonl") }

    var count: Int {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return 0 }
        return text.split(separator: "\n").count
    }

    /// Appends this evaluation; returns the new count.
    func record(runID: String, configSHA256: String) throws -> Int {
        let line = CanonicalValue.map(["run_id": .string(runID), "config_sha256": .string(configSHA256)]).json()
            .replacingOccurrences(of: "\n", with: "") + "\n"
        let fm = FileManager.default
        if !fm.fileExists(atPath: url.path) { fm.createFile(atPath: url.path, contents: nil) }
        guard let handle = try? FileHandle(forWritingTo: url) else {
            throw ConfigError("cannot write the holdout ledger '\(url.path)'")
        }
        defer { try? handle.close() }
        handle.seekToEndOfFile()
        handle.write(Data(line.utf8))
        return count
    }
}
