import Foundation

extension ExperimentRunner {
    func checkStrategy<S: Strategy>(_ type: S.Type, _ config: ExperimentConfig) throws {
        if config.strategy != S.name {
            throw ConfigError("strategy: the config names '\(config.strategy)' but this experiment runs '\(S.name)'; "
                + "remove the strategy key or set it to '\(S.name)'")
        }
    }

    /// Writes config.yaml, then `body`'s files, then the manifest and provenance, and moves
    /// the folder into place; returns its path relative to the root. Nothing is left behind
    /// on failure.
    func commitRun(_ config: ExperimentConfig, runID: String, started: Date, data: [DataFileRecord],
                   provenanceReads: BackgroundTask<(Result<GitState?, ProvenanceError>, Toolchain)>, clock: () -> Date,
                   holdoutEvaluations: Int? = nil, _ body: (inout RunDirectory) throws -> Void) throws -> String {
        let configText = config.canonical.yaml()
        var directory = try RunDirectory(parent: artifacts.appendingPathComponent(config.name), runID: runID)
        do {
            try directory.write("config.yaml", text: configText)
            try body(&directory)
            let (git, toolchain) = provenanceReads.value
            let url = try directory.commit { manifestSHA in
                var provenance = Provenance(
                    experiment: config.name, runID: runID, git: nil, gitError: nil, configSHA256: RunDirectory.sha256(Data(configText.utf8)),
                    overrides: overrides, data: data, toolchain: toolchain, seed: config.seed, workers: workers, started: started, finished: clock())
                switch git {
                case .success(let state): provenance.git = state
                case .failure(let error): provenance.gitError = "\(error)"
                }
                provenance.holdoutEvaluations = holdoutEvaluations
                return [("provenance.json", provenance.document(manifestSHA256: manifestSHA).json())]
            }
            return url.path(relativeTo: root)
        } catch {
            directory.discard()
            throw error
        }
    }
}
