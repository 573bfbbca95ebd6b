import Foundation
@testable import RunProvenance
@testable import Analysis
@testable import Config
@testable import Experiments
import Testing

/// Runs git (the test sets up a repository; the product reads it with libgit2).
@discardableResult
private func git(_ args: [String], in dir: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"] + args
    process.currentDirectoryURL = dir
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let out = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "git \(args.joined(separator: " ")) failed")
    return String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

/// A repository with one commit of a.txt and an ignored out/ folder.
private func makeRepository() throws -> (URL, commit: String) {
    let dir = temporaryFolder("repo")
    try git(["init", "-q", "-b", "research"], in: dir)
    try "one\n".write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    try "out/\n".write(to: dir.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
    try git(["add", "."], in: dir)
    try git(["commit", "-q", "-m", "first"], in: dir)
    return (dir, try git(["rev-parse", "HEAD"], in: dir))
}

/// libgit2 reads the commit and branch of a clean tree, then lists each kind of change;
/// ignored files are not changes.
@Test func gitStateCleanThenDirty() throws {
    let (repo, commit) = try makeRepository()
    defer { try? FileManager.default.removeItem(at: repo) }
    let sub = repo.appendingPathComponent("experiments/x")
    try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)

    let clean = try #require(try GitInspector.state(of: sub))
    #expect(clean.commit == commit)
    #expect(clean.branch == "research")
    #expect(clean.changes.isEmpty && !clean.isDirty)
    #expect(clean.root == repo.resolvingSymlinksInPath().path)

    try "two\n".write(to: repo.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    try "new\n".write(to: repo.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    try "staged\n".write(to: repo.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
    try git(["add", "b.txt"], in: repo)
    try FileManager.default.createDirectory(at: repo.appendingPathComponent("out"), withIntermediateDirectories: true)
    try "ignored\n".write(to: repo.appendingPathComponent("out/run.csv"), atomically: true, encoding: .utf8)

    let dirty = try #require(try GitInspector.state(of: sub))
    #expect(dirty.isDirty)
    #expect(dirty.commit == commit)
    #expect(dirty.changes == [
        .init(path: "a.txt", status: "modified"),
        .init(path: "b.txt", status: "added"),
        .init(path: "notes.txt", status: "untracked"),
    ])
}

/// An ignored file is not a change; a folder outside any repository has no git state.
@Test func ignoredFilesAndNoRepository() throws {
    let (repo, _) = try makeRepository()
    defer { try? FileManager.default.removeItem(at: repo) }
    try FileManager.default.createDirectory(at: repo.appendingPathComponent("out"), withIntermediateDirectories: true)
    try "ignored\n".write(to: repo.appendingPathComponent("out/run.csv"), atomically: true, encoding: .utf8)
    #expect(try GitInspector.state(of: repo)?.changes == [])

    let outside = temporaryFolder("no-repo")
    defer { try? FileManager.default.removeItem(at: outside) }
    #expect(try GitInspector.state(of: outside) == nil)
}

/// Key order, comments and formatting do not change the config hash; a value does.
@Test func configHashIgnoresFormatting() throws {
    func hash(_ yaml: String) throws -> String {
        let config = try ExperimentConfig.read(ConfigNode.parse(yaml: yaml, file: "x.yaml"), defaultName: "x", defaultStrategy: "sma-crossover")
        return RunDirectory.sha256(Data(config.canonical.yaml().utf8))
    }
    let a = try hash("data: {files: [a.csv]}\nparams: {fast: 10, slow: 30}\ncosts: {commission: 0.001}\n")
    let b = try hash("# a comment\ncosts:\n  commission: 1.0e-3   # 10 bps\nparams:\n  slow: 30\n  fast: 10\ndata:\n  files:\n    - a.csv\n")
    let c = try hash("data: {files: [a.csv]}\nparams: {fast: 10, slow: 31}\ncosts: {commission: 0.001}\n")
    let d = try hash("data: {files: [a.csv]}\nparams: {fast: 10, slow: 30}\ncosts: {commission: 0.001}\ntolerances: {default: {abs: 1}}\n")
    #expect(a == b)
    #expect(a != c)
    #expect(a == d, "tolerances are not part of the run's config")
}

/// provenance.json names the repository's commit, the config and data hashes, the
/// toolchain, seed and times; the manifest leaves it out and it names the manifest's hash.
@Test func provenanceRecordsTheRun() throws {
    let (repo, commit) = try makeRepository()
    let out = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: repo); try? FileManager.default.removeItem(at: out) }
    var runner = ExperimentRunner(root: repositoryRoot, artifacts: out)
    runner.gitFolder = repo
    runner.overrides = ["params.fast=12"]
    runner.workers = 1
    runner.toolchain = Toolchain(swift: "Swift version 9.9 (test)", source: "test", compiledWith: "9.9")
    let config = try AdHocBacktest.config(strategy: "sma-crossover", files: ["data/sample/ETHUSD-1h.csv"], symbols: [], from: nil,
                                          to: "2023-03-31", overrides: ["params.fast=12"])
    var ticks = 0.0
    let outcome = try runner.run(SMACrossover.self, config: config, clock: {
        defer { ticks += 1.5 }
        return Date(timeIntervalSince1970: 1_700_000_000 + ticks)
    })
    let folder = URL(fileURLWithPath: outcome.runDirectory)
    let p = try FlatDocument(json: Data(contentsOf: folder.appendingPathComponent("provenance.json")), name: "provenance.json").leaves
    let manifest = try #require(try Manifest.read(in: folder, label: "run"))
    let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("data/sample/ETHUSD-1h.csv"))

    #expect(p["git.commit"] == .text(commit))
    #expect(p["git.branch"] == .text("research"))
    #expect(p["git.dirty"] == .text("false"))
    #expect(p["config.sha256"] == .text(manifest.files["config.yaml"]!))
    #expect(p["config.overrides"] == .text("[params.fast=12]"))
    #expect(p["data[0].path"] == .text("data/sample/ETHUSD-1h.csv"))
    #expect(p["data[0].bytes"] == .number(Double(data.count)))
    #expect(p["data[0].sha256"] == .text(data.withUnsafeBytes { RunDirectory.sha256($0) }))
    #expect(p["toolchain.swift"] == .text("Swift version 9.9 (test)"))
    #expect(p["toolchain.quantbt"] == .text(Toolchain.quantbtVersion))
    #expect(p["seed"] == .number(42))
    #expect(p["workers"] == .number(1))
    #expect(p["started"] == .text("2023-11-14T22:13:20Z"))
    #expect(p["finished"] == .text("2023-11-14T22:13:23Z"))  // the clock was read at start, for the run id, and at the end
    #expect(p["duration_seconds"] == .number(3))
    #expect(p["manifest_sha256"] == .text(RunDirectory.sha256(try Data(contentsOf: folder.appendingPathComponent("manifest.json")))))
    #expect(manifest.files["provenance.json"] == nil)
}

/// Without a toolchain given, the run asks `swift --version`, as the toolchain prints it.
@Test func toolchainIsDetected() throws {
    let detected = Toolchain.detect(environment: [:])
    #expect(detected.swift.hasPrefix("Swift version "))
    #expect(detected.source == "swift on PATH when the run started")
    let given = Toolchain.detect(environment: [Toolchain.environmentKey: "Swift version 6.3.1 (swift-6.3.1-RELEASE)"])
    #expect(given.swift == "Swift version 6.3.1 (swift-6.3.1-RELEASE)")
    #expect(given.source == "the toolchain quantbt built the experiment with")
}

/// bless refuses a dirty tree, listing the changes, unless forced; a clean tree or no
/// repository at all is fine.
@Test func blessRefusesADirtyTree() throws {
    let (repo, _) = try makeRepository()
    defer { try? FileManager.default.removeItem(at: repo) }
    #expect(Goldens.dirtyTreeRefusal(try GitInspector.state(of: repo), force: false) == nil)
    #expect(Goldens.dirtyTreeRefusal(nil, force: false) == nil)
    try "two\n".write(to: repo.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    let state = try GitInspector.state(of: repo)
    #expect(Goldens.dirtyTreeRefusal(state, force: false) == """
        the working tree of \(repo.resolvingSymlinksInPath().path) has 1 uncommitted change:
          modified: a.txt
        goldens blessed now could not be traced to a commit; commit or stash the changes, or pass --force to bless anyway (provenance.json records the tree as dirty)
        """)
    #expect(Goldens.dirtyTreeRefusal(state, force: true) == nil)
}

/// `swift --version` is asked once per toolchain: a second run reads the cache; a replaced
/// `swift` (another size and time) or a damaged cache file asks again.
@Test func swiftVersionIsCachedPerToolchain() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("swiftcache-\(UUID().uuidString)")
    let bin = dir.appendingPathComponent("bin"), cache = dir.appendingPathComponent("cache")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let swift = bin.appendingPathComponent("swift")
    try Data("#!/bin/sh\necho one\n".utf8).write(to: swift)
    chmod(swift.path, 0o755)
    let environment = ["XDG_CACHE_HOME": cache.path, "PATH": "/nonexistent:" + bin.path]
    var asked = 0
    func version(_ answer: String) throws -> String {
        try SwiftVersionCache.version(path: environment["PATH"], environment: environment) { asked += 1; return answer }
    }
    #expect(try version("Swift version 6.3.1 (a)") == "Swift version 6.3.1 (a)")
    #expect(try version("Swift version 9.9 (never asked)") == "Swift version 6.3.1 (a)")
    #expect(asked == 1)
    #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent("quantbt/swift-version").path))

    try Data("#!/bin/sh\necho a newer toolchain\n".utf8).write(to: swift)  // replaced: another size
    #expect(try version("Swift version 6.4 (b)") == "Swift version 6.4 (b)")
    #expect(asked == 2)

    try Data("garbage".utf8).write(to: cache.appendingPathComponent("quantbt/swift-version"))
    #expect(try version("Swift version 6.4 (c)") == "Swift version 6.4 (c)")
    #expect(asked == 3)

    // No swift on PATH, or no home for a cache: always asked, never cached.
    #expect(SwiftVersionCache.key(path: "/nonexistent") == nil)
    #expect(SwiftVersionCache.file(["HOME": "relative"]) == nil)
}

/// A data file's SHA-256 is kept per file version: unchanged, the second run takes it from
/// the cache; rewritten in place (same size, even with its modification time put back, as
/// `cp -p` or `touch -r` would) it is hashed again; a file changed in the last two seconds
/// is not kept; a damaged cache is a miss. The hash is the file's own every time.
@Test func dataHashesAreCachedPerFileVersion() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hashcache-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let data = dir.appendingPathComponent("bars.csv"), cacheFile = dir.appendingPathComponent("cache/quantbt/data-sha256")
    let environment = ["XDG_CACHE_HOME": dir.appendingPathComponent("cache").path]
    try Data("timestamp,close\n2023-01-01,1\n".utf8).write(to: data)
    var hashed = 0
    func record(now: Date) throws -> DataFileRecord {
        let (bytes, sha) = try DataHashCache.sha256(of: data, environment: environment, now: now) {
            hashed += 1
            let d = try Data(contentsOf: data)
            return (d.count, d.withUnsafeBytes { SHA256Text.of($0) })
        }
        return DataFileRecord(path: "bars.csv", bytes: bytes, sha256: sha)
    }
    let sha1 = SHA256Text.of(Data("timestamp,close\n2023-01-01,1\n".utf8))
    // Just written: hashed, not kept.
    #expect(try record(now: Date()).sha256 == sha1)
    #expect(!FileManager.default.fileExists(atPath: cacheFile.path))
    // Still for a while: kept, then read from the cache.
    let later = Date().addingTimeInterval(10)
    #expect(try record(now: later).sha256 == sha1)
    #expect(try record(now: later) == DataFileRecord(path: "bars.csv", bytes: 29, sha256: sha1))
    #expect(hashed == 2)
    // Rewritten in place with the same size, its modification time put back.
    var info = stat()
    stat(data.path, &info)
    let handle = try FileHandle(forWritingTo: data)
    try handle.write(contentsOf: Data("timestamp,close\n2023-01-01,2\n".utf8))
    try handle.close()
    var times = [info.st_atim, info.st_mtim]
    utimensat(AT_FDCWD, data.path, &times, 0)
    #expect(try record(now: Date().addingTimeInterval(10)).sha256 == SHA256Text.of(Data("timestamp,close\n2023-01-01,2\n".utf8)))
    #expect(hashed == 3)
    // A damaged cache is a miss.
    try Data("garbage\nmore garbage with spaces\n".utf8).write(to: cacheFile)
    #expect(try record(now: Date().addingTimeInterval(10)).bytes == 29)
    #expect(hashed == 4)
    // Not a regular file, or no home for a cache: never kept.
    #expect(DataHashCache.key(dir) == nil)
    #expect(DataHashCache.file(["HOME": "relative"]) == nil)
}
