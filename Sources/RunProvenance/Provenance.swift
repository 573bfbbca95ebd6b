import Model
import Foundation

/// What produced a run: code (git), config, data, toolchain, seed, machine and wall time.
/// Written to provenance.json, the only file of a run that holds wall-clock time; it is
/// therefore not in the manifest, and it names the manifest's own SHA-256 instead.
public struct Provenance: Sendable {
    public var experiment: String
    public var runID: String
    /// nil outside a repository; `gitError` says why it could not be read, if it failed.
    public var git: GitState?
    public var gitError: String?
    /// SHA-256 of the canonical resolved config (config.yaml): key order, comments and
    /// formatting of experiment.yaml do not change it, any value does.
    public var configSHA256: String
    public var overrides: [String]
    public var data: [DataFileRecord]
    public var toolchain: Toolchain
    public var seed: UInt64
    public var workers: Int
    public var started: Date
    public var finished: Date
    /// For a validation run: how many times the holdout has been evaluated, this run included.
    public var holdoutEvaluations: Int?

    package init(experiment: String, runID: String, git: GitState?, gitError: String?, configSHA256: String, overrides: [String],
                 data: [DataFileRecord], toolchain: Toolchain, seed: UInt64, workers: Int, started: Date, finished: Date) {
        (self.experiment, self.runID, self.git, self.gitError, self.configSHA256) = (experiment, runID, git, gitError, configSHA256)
        (self.overrides, self.data, self.toolchain, self.seed, self.workers) = (overrides, data, toolchain, seed, workers)
        (self.started, self.finished) = (started, finished)
    }

    package func document(manifestSHA256: String) -> CanonicalValue {
        var gitValue = CanonicalValue.null
        if let git {
            gitValue = .map([
                "root": .string(git.root),
                "commit": git.commit.map { .string($0) } ?? .null,
                "branch": git.branch.map { .string($0) } ?? .null,
                "dirty": .bool(git.isDirty),
                "changes": .list(git.changes.map { .map(["path": .string($0.path), "status": .string($0.status)]) }),
            ])
        } else if let gitError {
            gitValue = .map(["error": .string(gitError)])
        }
        return .map([
            "experiment": .string(experiment),
            "run_id": .string(runID),
            "git": gitValue,
            "config": .map(["sha256": .string(configSHA256), "overrides": .list(overrides.map { .string($0) })]),
            "data": .list(data.map(\.canonical)),
            "toolchain": toolchain.canonical,
            "seed": .int(Int(seed)),
            "workers": .int(workers),
            "host": Self.host,
            "started": .string(Self.iso(started)),
            "finished": .string(Self.iso(finished)),
            "duration_seconds": .number((finished.timeIntervalSince(started) * 1000).rounded() / 1000),
            "manifest_sha256": .string(manifestSHA256),
            "holdout_evaluations": holdoutEvaluations.map { .int($0) } ?? .null,
        ])
    }

    package static func iso(_ date: Date) -> String {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        return Timestamp(milliseconds: ms).description
    }

    /// OS, kernel and architecture, from uname(2) and /etc/os-release.
    package static var host: CanonicalValue {
        var u = utsname()
        uname(&u)
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
        }
        var os = field(u.sysname)
        if let release = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8),
           let line = release.split(separator: "\n").first(where: { $0.hasPrefix("PRETTY_NAME=") }) {
            os = line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return .map(["os": .string(os), "kernel": .string(field(u.sysname) + " " + field(u.release)), "architecture": .string(field(u.machine))])
    }
}
