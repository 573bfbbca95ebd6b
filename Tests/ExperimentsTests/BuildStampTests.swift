import Foundation
@testable import Experiments
import Testing

/// A package laid out as SwiftPM reads it, in a temporary folder.
private func package() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("quantbt-stamp-\(UUID().uuidString)")
    for (path, text) in ["Package.swift": "// package", "Sources/Engine/Backtest.swift": "struct A {}",
                         "experiments/demo/main.swift": "print(1)", "experiments/demo/experiment.yaml": "name: demo", "bin/demo": "binary"] {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
    return root
}

/// Sets a file's modification time to `seconds` after the epoch.
private func touch(_ url: URL, _ seconds: TimeInterval) throws {
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: seconds)], ofItemAtPath: url.path)
}

/// The stamp matches only the inputs and binary it was made from: touching a source, adding
/// one, removing one or rebuilding the binary each make the next run build; the experiment's
/// config does not.
@Test func buildStampMatchesOnlyUnchangedInputs() throws {
    let root = try package()
    defer { try? FileManager.default.removeItem(at: root) }
    let binary = root.appendingPathComponent("bin/demo").path
    let inputs = try #require(BuildStamp.inputs(root: root, experiment: "demo", swift: nil))
    #expect(Set(inputs.keys) == ["Package.swift", "Sources/Engine/Backtest.swift", "experiments/demo/main.swift"])
    let stamp = BuildStamp(inputs: inputs, binary: try #require(BuildStamp.state(binary)), toolchain: "Swift version 6.3.1")
    let url = BuildStamp.location(root: root, configuration: "debug", experiment: "demo")
    stamp.write(url)
    #expect(BuildStamp.read(url) == stamp)
    let current = { BuildStamp.inputs(root: root, experiment: "demo", swift: nil).map { stamp.isCurrent(inputs: $0, binary: binary) } ?? false }
    #expect(current())

    try Data("name: other".utf8).write(to: root.appendingPathComponent("experiments/demo/experiment.yaml"))
    #expect(current(), "the config is not a build input")

    let source = root.appendingPathComponent("Sources/Engine/Backtest.swift")
    let before = try #require(BuildStamp.state(source.path))
    try touch(source, 1_000_000)
    #expect(!current(), "a touched source builds")
    try touch(source, Double(before.modified) / 1e9)
    let restored = try #require(BuildStamp.state(source.path))
    if restored == before { #expect(current()) }

    let added = root.appendingPathComponent("Sources/Engine/New.swift")
    try Data("struct B {}".utf8).write(to: added)
    #expect(!current(), "a new source builds")
    try FileManager.default.removeItem(at: added)

    try FileManager.default.removeItem(at: root.appendingPathComponent("experiments/demo/main.swift"))
    #expect(!current(), "a removed source builds")
    try Data("print(1)".utf8).write(to: root.appendingPathComponent("experiments/demo/main.swift"))

    let fresh = try #require(BuildStamp.inputs(root: root, experiment: "demo", swift: nil))
    let restamped = BuildStamp(inputs: fresh, binary: try #require(BuildStamp.state(binary)), toolchain: nil)
    #expect(restamped.isCurrent(inputs: fresh, binary: binary))
    try Data("rebuilt binary".utf8).write(to: URL(fileURLWithPath: binary))
    #expect(!restamped.isCurrent(inputs: fresh, binary: binary), "a binary rebuilt since the stamp builds")
    #expect(!restamped.isCurrent(inputs: fresh, binary: root.appendingPathComponent("bin/missing").path), "no binary builds")
}
