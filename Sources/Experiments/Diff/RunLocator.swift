import Analysis
import Foundation

extension LocatedRun {
    /// Finds the run folder a diff argument means: a run folder itself, a golden folder, an
    /// experiment folder (its latest run) or `artifacts/<experiment>` (its latest run).
    public static func locate(_ path: String, root: URL) throws -> LocatedRun {
        let fm = FileManager.default
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: fm.currentDirectoryPath + "/")).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ArtifactError.runIncomplete("'\(path)' is not a folder; give a run folder (artifacts/<experiment>/<run-id>), "
                + "an experiment folder (its latest run) or a golden folder (golden/<experiment>)")
        }
        var run = url, kind = LocatedRun.Kind.run, label = path
        if fm.fileExists(atPath: url.appendingPathComponent("experiment.yaml").path) {
            let experiment = (try? ExperimentDirectory(path: url.path).loadConfig(overrides: [], defaultStrategy: ""))?.name ?? url.lastPathComponent
            run = (ExperimentDirectory.packageRoot(containing: url) ?? root).appendingPathComponent("artifacts/\(experiment)/latest")
            guard fm.fileExists(atPath: run.path) else {
                throw ArtifactError.runIncomplete("\(path) has no runs yet; run it with `quantbt run \(path)`")
            }
            kind = .latest
        } else if fm.fileExists(atPath: url.appendingPathComponent("latest").path) {
            run = url.appendingPathComponent("latest")
            kind = .latest
        } else if url.deletingLastPathComponent().lastPathComponent == "golden" {
            kind = .golden
        }
        if kind == .latest {
            run = run.resolvingSymlinksInPath()
            label = "\(path) (latest: \(run.lastPathComponent))"
        }
        guard fm.fileExists(atPath: run.appendingPathComponent("manifest.json").path) else {
            throw ArtifactError.runIncomplete("\(label) has no manifest.json: it is not a finished run folder "
                + "(runs are under artifacts/<experiment>/<run-id>)")
        }
        guard fm.fileExists(atPath: run.appendingPathComponent("provenance.json").path) else {
            throw ArtifactError.runIncomplete("\(label) has no provenance.json: it was made by an older QuantBT or copied without it; "
                + (kind == .golden ? "bless the experiment again" : "run the experiment again"))
        }
        let config = try ArtifactComparer.flat(run.appendingPathComponent("config.yaml"), name: "\(label)/config.yaml", json: false)
        guard case .text(let name)? = config.leaves["name"] else {
            throw ArtifactError.runIncomplete("\(label)/config.yaml has no name: it is not a QuantBT run")
        }
        return LocatedRun(url: run, label: label, kind: kind, experiment: name)
    }
}
