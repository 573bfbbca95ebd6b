import ArgumentParser
import Experiments
import Foundation
import RunProvenance

/// Builds an experiment's executable target with SwiftPM and finds the binary.
struct ExperimentBuilder {
    let root: URL

    /// The configuration this quantbt was built with (debug or release), so the experiment
    /// matches it; debug when it cannot tell.
    var configuration: String {
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        let own = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        return own.lastPathComponent == "release" ? "release" : "debug"
    }

    /// What the experiment's provenance records as its toolchain: set after a build, from
    /// the `swift` that built it.
    private(set) var environment: [String: String] = ProcessInfo.processInfo.environment

    mutating func binary(for name: String, build: Bool) throws -> URL {
        if build {
            FileHandle.standardError.write(Data("building \(name) (\(configuration))...\n".utf8))
            let (status, output) = try CommandOutput.capture("swift", ["build", "--package-path", root.path, "-c", configuration, "--product", name])
            if status != 0 {
                if output.contains("no product named") {
                    throw CLIError("experiment '\(name)' is not a target in Package.swift; add \"\(name)\" to experimentNames there (quantbt new does this)")
                }
                throw CLIError("building experiment '\(name)' failed:\n\(output)")
            }
            if let version = try? Toolchain.swiftVersion() { environment[Toolchain.environmentKey] = version }
        }
        // SwiftPM puts every product of a build in one folder: look beside quantbt first,
        // which saves asking SwiftPM (half a second, and it waits for a running build).
        if let own = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(name),
           FileManager.default.isExecutableFile(atPath: own.path),
           own.path.hasPrefix(root.standardizedFileURL.resolvingSymlinksInPath().path + "/") {
            return own
        }
        let (status, binPath) = try CommandOutput.capture("swift", ["build", "--package-path", root.path, "-c", configuration, "--show-bin-path"])
        let binary = URL(fileURLWithPath: binPath.trimmingCharacters(in: .whitespacesAndNewlines)).appendingPathComponent(name)
        guard status == 0, FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw CLIError("no built binary for experiment '\(name)' at \(binary.path); run without --no-build")
        }
        return binary
    }

    func runInheritingOutput(_ binary: URL, arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        process.environment = environment
        try process.run()
        let forwarding = SignalForwarding(to: process.processIdentifier)
        process.waitUntilExit()
        forwarding.stop()
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    /// Runs the experiment with `--json` and returns its run folder; its warnings and
    /// errors still go to the terminal.
    func runForRunFolder(_ binary: URL, arguments: [String]) throws -> URL {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments + ["--json"]
        process.currentDirectoryURL = root
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let forwarding = SignalForwarding(to: process.processIdentifier)
        defer { forwarding.stop() }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ExitCode(process.terminationStatus) }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let dir = object["run_dir"] as? String else {
            throw CLIError("the experiment printed no run_dir: \(String(decoding: data, as: UTF8.self).prefix(300))")
        }
        return dir.hasPrefix("/") ? URL(fileURLWithPath: dir) : root.appendingPathComponent(dir)
    }
}
