import Foundation
@testable import Analysis
@testable import Experiments
import Testing

/// Runs the built quantbt from the repository root: (exit status, stdout, stderr).
private func quantbt(_ args: [String]) throws -> (Int32, String, String) {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("quantbt")
    try #require(FileManager.default.isExecutableFile(atPath: binary.path), "quantbt is not built at \(binary.path)")
    let process = Process()
    process.executableURL = binary
    process.arguments = args
    process.currentDirectoryURL = repositoryRoot
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}

/// `quantbt verify --json` on a shipped experiment: one JSON object, exact pass, exit 0.
@Test func verifyCommandPassesExactly() throws {
    let (status, out, _) = try quantbt(["verify", "experiments/daily-momentum", "--no-build", "--json"])
    let doc = try FlatDocument(json: Data(out.utf8), name: "stdout").leaves
    #expect(status == ExitStatus.success.rawValue)
    #expect(doc["status"] == .text("exact"))
    #expect(doc["exit_code"] == .number(0))
}

/// diff's bad input: runs of two experiments (8), a folder that is not a run (7).
@Test func diffCommandExitCodes() throws {
    let (different, _, message) = try quantbt(["diff", "golden/daily-momentum", "golden/sma-crossover"])
    #expect(different == ExitStatus.differentExperiments.rawValue)
    #expect(message == "error: golden/daily-momentum is a run of 'daily-momentum' but golden/sma-crossover is a run of 'sma-crossover'; "
        + "diff compares runs of one experiment (pass --any-experiment to compare them anyway)\n")
    let (notRun, _, text) = try quantbt(["diff", "data", "golden/daily-momentum"])
    #expect(notRun == ExitStatus.runIncomplete.rawValue)
    #expect(text == "error: data has no manifest.json: it is not a finished run folder (runs are under artifacts/<experiment>/<run-id>)\n")
    let (same, out, _) = try quantbt(["diff", "golden/daily-momentum", "golden/daily-momentum"])
    #expect(same == 0)
    #expect(out.contains("config: identical\n"))
}

/// The README's exit status table is `ExitStatus`, row for row.
@Test func readmeListsEveryExitStatus() throws {
    let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
    for status in ExitStatus.allCases {
        #expect(readme.contains("| \(status.rawValue) | \(status.meaning) |"), "README.md lacks the row for exit status \(status.rawValue)")
    }
}

/// `run` with several values for a parameter points at `sweep` (usage error, 64).
@Test func runRefusesASweep() throws {
    let (status, _, err) = try quantbt(["run", "experiments/risk-portfolio", "--set", "params.entry=20,55", "--no-build"])
    #expect(status == 64)
    #expect(err.hasPrefix("Error: --set 'params.entry=20,55' gives several values: that is a sweep; run `quantbt sweep experiments/risk-portfolio --set params.entry=20,55`, or give one value\n"))
}

/// An experiment that fails on its input exits 1 with the error, every time: it used to
/// exit while libgit2 was still reading provenance on another thread and crash with
/// signal 11 in about one run of three.
@Test func inputErrorExitsCleanlyEveryTime() throws {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("sma-crossover")
    try #require(FileManager.default.isExecutableFile(atPath: binary.path), "sma-crossover is not built at \(binary.path)")
    let artifacts = FileManager.default.temporaryDirectory.appendingPathComponent("quantbt-exit-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: artifacts) }
    for _ in 0..<12 {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["experiments/sma-crossover", "--artifacts", artifacts.path, "--set", "data.files=[data/sample/missing-1m.csv]"]
        process.currentDirectoryURL = repositoryRoot
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 1, "\(process.terminationReason) \(process.terminationStatus): \(stderr)")
        #expect(stderr == "error: cannot read data file '\(repositoryRoot.path)/data/sample/missing-1m.csv': no such file; check data.files in the experiment config "
            + "(paths are relative to the repository root), or generate the sample data (see data/README.md)\n")
    }
}

/// Every command names itself. ArgumentParser otherwise derives the name from the type with
/// `String(describing:)`, whose casts scan every protocol conformance in the binary: about
/// 1 ms of every start-up. The names a user types are the ones listed here.
@Test func everyCommandNamesItself() throws {
    let folder = repositoryRoot.appendingPathComponent("Sources/quantbt")
    for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        for piece in text.components(separatedBy: "CommandConfiguration(").dropFirst() {
            #expect(piece.drop(while: \.isWhitespace).hasPrefix("commandName:"), "a CommandConfiguration in \(file) has no commandName")
        }
    }
    let (status, help, _) = try quantbt(["--help"])
    #expect(status == 0)
    let listed = help.components(separatedBy: "SUBCOMMANDS:").last?.split(separator: "\n").compactMap { line -> String? in
        guard line.hasPrefix("  "), !line.hasPrefix("   "), !line.hasPrefix("  See "), let name = line.split(separator: " ").first else { return nil }
        return String(name)
    } ?? []
    #expect(listed == ["run", "backtest", "validate", "sweep", "walk-forward", "runs", "verify", "bless", "diff", "report", "serve", "new", "data"])
    let (_, dataHelp, _) = try quantbt(["data", "--help"])
    #expect(dataHelp.contains("  synth ") && dataHelp.contains("  samples "))
}
