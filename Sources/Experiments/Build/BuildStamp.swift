import Foundation

/// Whether an experiment's binary is up to date, decided without asking SwiftPM (which takes
/// 0.8 s to say "nothing to do"). After every successful build, `quantbt` records the size
/// and modification time of every input SwiftPM reads for it (Package.swift,
/// Package.resolved, every file under Sources/, the experiment's .swift files, the `swift`
/// executable) and of the binary it produced. The next run skips the build only when all
/// of them match exactly; a new, removed or touched file, another toolchain, a rebuilt
/// binary or no stamp at all builds as before, so a stale binary never runs.
public struct BuildStamp: Codable, Equatable, Sendable {
    /// Size and modification time (nanoseconds) of one file.
    public struct FileState: Codable, Equatable, Sendable {
        var size: Int64
        var modified: Int64
    }

    /// Every input, by path relative to the package root (the swift executable by its absolute path).
    public var inputs: [String: FileState]
    public var binary: FileState
    /// `swift --version` of the build, for the run's provenance.
    public var toolchain: String?

    public init(inputs: [String: FileState], binary: FileState, toolchain: String?) {
        (self.inputs, self.binary, self.toolchain) = (inputs, binary, toolchain)
    }

    /// The inputs of experiment `name` in the package at `root`, as they are now; nil when
    /// one cannot be read (then the caller builds).
    public static func inputs(root: URL, experiment name: String, swift: String?) -> [String: FileState]? {
        var out: [String: FileState] = [:]
        for file in ["Package.swift", "Package.resolved"] {
            if let state = state(root.appendingPathComponent(file).path) { out[file] = state }
        }
        guard out["Package.swift"] != nil else { return nil }
        for folder in ["Sources", "experiments/\(name)"] {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(atPath: base.path) else { return nil }
            for case let relative as String in walker {
                let path = base.appendingPathComponent(relative).path
                // The experiment folder also holds its config and README, which the build never reads.
                if folder != "Sources" && !relative.hasSuffix(".swift") { continue }
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
                if isFolder.boolValue { continue }
                guard let s = state(path) else { return nil }
                out["\(folder)/\(relative)"] = s
            }
        }
        if let swift {
            guard let s = state(swift) else { return nil }
            out[swift] = s
        }
        return out
    }

    /// Whether `binary` is what the build recorded in this stamp for exactly `inputs`.
    public func isCurrent(inputs now: [String: FileState], binary path: String) -> Bool {
        now == inputs && Self.state(path) == binary
    }

    /// Where the stamp of experiment `name` in `configuration` lives: inside .build, so
    /// `rm -rf .build` (or a fresh clone) forgets it along with the binaries.
    public static func location(root: URL, configuration: String, experiment name: String) -> URL {
        root.appendingPathComponent(".build/quantbt-stamps/\(configuration)-\(name).json")
    }

    public static func read(_ url: URL) -> BuildStamp? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(BuildStamp.self, from: data)
    }

    /// Writes the stamp atomically; a stamp that cannot be written only costs the next run a build.
    public func write(_ url: URL) {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self) else { return }
        try? data.write(to: url, options: .atomic)
    }

    /// The `swift` executable `PATH` finds, symlinks resolved.
    public static func swiftExecutable(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("swift")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.resolvingSymlinksInPath().path }
        }
        return nil
    }

    public static func state(_ path: String) -> FileState? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileState(size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }
}
