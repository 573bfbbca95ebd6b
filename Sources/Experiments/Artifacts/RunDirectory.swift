import CProcess
import RunProvenance
import Foundation

/// Writes a run's files into a hidden `.partial-<run-id>` folder and renames it to
/// `<run-id>` only when every file, the manifest last, is on disk. An interrupted or failed
/// run therefore never leaves a folder that looks complete. `latest` is then pointed at it.
struct RunDirectory {
    let parent: URL
    let runID: String
    /// The hidden folder files are written to until `commit`.
    let staging: URL
    private var hashes: [String: CanonicalValue] = [:]

    init(parent: URL, runID: String) throws {
        (self.parent, self.runID) = (parent, runID)
        // The process id keeps two processes starting the same run id apart.
        staging = parent.appendingPathComponent(".partial-\(runID)-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: staging)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
            Interruption.writing(staging.path)
        } catch {
            throw ConfigError("cannot create the run folder under '\(parent.path)': \(error.localizedDescription)")
        }
    }

    /// The name the folder will take when committed, as things stand: the run id, or
    /// `<id>-2`, `-3`... when that is taken (a run of the same config in the same second).
    /// The rename checks again, so another process can still take it first.
    var expectedName: String { Self.freeName(in: parent, for: runID) }

    /// The first of `runID`, `<runID>-2`, `<runID>-3`... with nothing at it in `parent`.
    static func freeName(in parent: URL, for runID: String) -> String {
        var name = runID, n = 1
        while FileManager.default.fileExists(atPath: parent.appendingPathComponent(name).path) {
            n += 1
            name = "\(runID)-\(n)"
        }
        return name
    }

    /// Writes `name` and records its SHA-256 for the manifest.
    mutating func write(_ name: String, _ bytes: [UInt8], hashed: Bool = true) throws {
        // Written and hashed in place: a year of minute equity is 30 MB, not worth a copy.
        try bytes.withUnsafeBytes { raw in
            try RunDirectory.writeFile(raw, to: staging.appendingPathComponent(name), name: name)
            if hashed { hashes[name] = .string(RunDirectory.sha256(raw)) }
        }
    }

    /// Builds, writes and hashes independent files concurrently (one task per file, and any
    /// `RunFile.work` beside them); the manifest is keyed by name, so the result does not
    /// depend on which finished first.
    /// The first error in the given order is thrown.
    mutating func writeConcurrently(_ files: [RunFile], workers: Int = .max) throws {
        let folder = staging
        let digests = try files.orderedConcurrentMap(workers: workers) { file -> String? in
            var timer = PhaseTimer()  // QUANTBT_TIMINGS=1: each file's time, from when a writer took it
            defer { timer.mark("  " + file.name) }
            if let work = file.work {
                work()
                return nil
            }
            if let place = file.place, let digest = place(folder.appendingPathComponent(file.name)) { return digest }
            if let stream = file.stream {
                if file.name.contains("/") {  // a scenario's folder inside the run
                    try? FileManager.default.createDirectory(at: folder.appendingPathComponent(file.name).deletingLastPathComponent(),
                                                             withIntermediateDirectories: true)
                }
                let sink = try ArtifactSink(url: folder.appendingPathComponent(file.name), name: file.name, hashed: file.hashed)
                stream(sink)
                return try sink.finish()
            }
            return try file.make().withUnsafeBytes { raw in
                try RunDirectory.writeFile(raw, to: folder.appendingPathComponent(file.name), name: file.name)
                return file.hashed ? RunDirectory.sha256(raw) : nil
            }
        }
        for (file, digest) in zip(files, digests) { if let digest { hashes[file.name] = .string(digest) } }
    }

    private static func writeFile(_ raw: UnsafeRawBufferPointer, to url: URL, name: String) throws {
        if name.contains("/") {  // a scenario's folder inside the run
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!),
                        count: raw.count, deallocator: .none)
        do { try data.write(to: url) } catch {
            throw ConfigError("cannot write \(name) in '\(url.deletingLastPathComponent().path)': \(error.localizedDescription)")
        }
    }

    mutating func write(_ name: String, text: String, hashed: Bool = true) throws {
        try write(name, Array(text.utf8), hashed: hashed)
    }

    static func sha256(_ data: Data) -> String { SHA256Text.of(data) }
    static func sha256(_ bytes: UnsafeRawBufferPointer) -> String { SHA256Text.of(bytes) }

    /// Writes manifest.json, then the unhashed files `last` makes from the manifest's own
    /// SHA-256 (provenance.json), renames the folder into place and updates `latest`.
    /// A second run with the same id (same second, same config) gets `-2`, `-3`, ...
    mutating func commit(last: (_ manifestSHA256: String) throws -> [(name: String, text: String)] = { _ in [] }) throws -> URL {
        let manifest = CanonicalValue.map(["algorithm": .string("sha256"), "files": .map(hashes)]).json()
        try write("manifest.json", text: manifest, hashed: false)
        for file in try last(RunDirectory.sha256(Data(manifest.utf8))) { try write(file.name, text: file.text, hashed: false) }
        let fm = FileManager.default
        var final = parent.appendingPathComponent(Self.freeName(in: parent, for: runID))
        do {
            // Another process may take the name between the look and the rename: the rename
            // refuses a taken name, and the next one is tried.
            var n = Int(final.lastPathComponent.dropFirst(runID.count + 1)) ?? 1
            while qbt_rename_no_replace(staging.path, final.path) != 0 {
                guard errno == EEXIST || errno == ENOTEMPTY else {
                    throw ConfigError("cannot move the finished run into '\(final.path)': \(String(cString: strerror(errno)))")
                }
                n += 1
                final = parent.appendingPathComponent("\(runID)-\(n)")
            }
            Interruption.finished(staging.path)
            let link = parent.appendingPathComponent("latest")
            let tempLink = parent.appendingPathComponent(".latest-\(final.lastPathComponent)")
            try? fm.removeItem(at: tempLink)
            try fm.createSymbolicLink(atPath: tempLink.path, withDestinationPath: final.lastPathComponent)
            if rename(tempLink.path, link.path) != 0 { try? fm.removeItem(at: tempLink) }
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError("cannot move the finished run into '\(final.path)': \(error.localizedDescription)")
        }
        return final
    }

    /// Removes the partial folder after a failure.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
        Interruption.finished(staging.path)
    }
}
