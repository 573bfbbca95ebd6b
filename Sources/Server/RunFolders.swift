import Analysis
import Experiments
import Foundation
import Model
import Store

/// Runs by id: their rows in the store, their folders, the files a client may read from
/// them (only those in the run's manifest, and its report), and the diff of two.
struct RunFolders: Sendable {
    let settings: ServerSettings
    let store: RunStore

    func indexed(_ given: String) throws -> IndexedRun {
        do { return try store.run(try store.resolve(given)) } catch { throw APIError(.notFound, "\(error)") }
    }

    /// The run's folder on disk.
    func folder(_ run: IndexedRun) throws -> URL {
        guard let dir = run.run.runDir, run.run.parentID == nil else { throw APIError.notFound("the folder of run '\(excerpt(run.run.id))'") }
        let url = dir.hasPrefix("/") ? URL(fileURLWithPath: dir) : settings.root.appendingPathComponent(dir)
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent("manifest.json").path) else {
            throw APIError.notFound("the folder of run '\(excerpt(run.run.id))' (\(dir))")
        }
        return url
    }

    /// Files of the run a client may read: every file its manifest hashes, and its reports
    /// (as the interface says; provenance.json, with its host and paths, is not served).
    func files(_ folder: URL) -> Set<String> {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path),
              let manifest = CanonicalValue(json: data), case .map(let files)? = manifest["files"] else { return [] }
        return Set(files.keys).union(["report.html", "report.md"])
    }

    /// One file of a run, by its exact name in the manifest: anything else (`..`, an
    /// encoded slash, an absolute path, a file the manifest does not list) is not found.
    func artifact(_ id: String, _ file: String) throws -> (Data, String) {
        let run = try indexed(id)
        let folder = try folder(run)
        let parts = file.split(separator: "/", omittingEmptySubsequences: false)
        guard !file.hasPrefix("/"), !file.contains("%"), !file.contains("\\"), parts.allSatisfy({ !$0.isEmpty && $0 != ".." && $0 != "." }),
              files(folder).contains(file), let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) else {
            throw APIError.notFound("file '\(excerpt(file))' of run '\(excerpt(run.run.id))'")
        }
        return (data, Self.contentType(file))
    }

    static func contentType(_ file: String) -> String {
        switch (file as NSString).pathExtension {
        case "csv": "text/csv; charset=utf-8"
        case "json": "application/json"
        case "html": "text/html; charset=utf-8"
        case "md": "text/markdown; charset=utf-8"
        case "yaml": "application/yaml"
        default: "application/octet-stream"
        }
    }

    /// `quantbt diff A B`, with the tolerances of B's experiment.
    func diff(_ a: String, _ b: String) throws -> RunDiff {
        let first = try located(a), second = try located(b)
        let tolerances = (try? ExperimentDirectory(path: settings.root.appendingPathComponent("experiments/\(second.experiment)").path)
            .loadConfig(overrides: [], defaultStrategy: "").tolerances) ?? ToleranceSet()
        do { return try RunDiff.compute(first, second, tolerances: tolerances, allowDifferentExperiments: true) } catch {
            throw APIError(.badRequest, "\(error)")
        }
    }

    func located(_ id: String) throws -> LocatedRun {
        let run = try indexed(id)
        do { return try LocatedRun.locate(try folder(run).path, root: settings.root) } catch let error as APIError { throw error } catch {
            throw APIError(.notFound, "\(error)")
        }
    }
}
