import ArgumentParser
import Experiments
import Foundation
import RunProvenance
import CProcess

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

    /// The experiment's binary, built first unless `build` is false. An unchanged experiment
    /// is not handed to SwiftPM at all (see `BuildStamp`): that saves 0.8 s per run.
    mutating func binary(for name: String, build: Bool) throws -> URL {
        guard build else { return try locate(name) }
        let stampURL = BuildStamp.location(root: root, configuration: configuration, experiment: name)
        let inputs = BuildStamp.inputs(root: root, experiment: name, swift: BuildStamp.swiftExecutable(environment: environment))
        if let inputs, let binary = besideQuantbt(name), let stamp = BuildStamp.read(stampURL), stamp.isCurrent(inputs: inputs, binary: binary.path) {
            if let version = stamp.toolchain { environment[Toolchain.environmentKey] = version }
            return binary
        }
        FileHandle.standardError.write(Data("building \(name) (\(configuration))...\n".utf8))
        let (status, output) = try CommandOutput.capture("swift", ["build", "--package-path", root.path, "-c", configuration, "--product", name])
        if status != 0 {
            if output.contains("no product named") {
                throw CLIError("experiment '\(name)' is not a target in Package.swift; add \"\(name)\" to experimentNames there (quantbt new does this)")
            }
            throw CLIError("building experiment '\(name)' failed:\n\(output)")
        }
        let version = try? Toolchain.cachedSwiftVersion()
        if let version { environment[Toolchain.environmentKey] = version }
        let binary = try locate(name)
        // The inputs as they were before the build: a file edited during it is seen next time.
        if let inputs, let state = BuildStamp.state(binary.path) {
            BuildStamp(inputs: inputs, binary: state, toolchain: version).write(stampURL)
        }
        return binary
    }

    /// SwiftPM puts every product of a build in one folder: the experiment beside this
    /// quantbt, when this quantbt was built from the same package.
    private func besideQuantbt(_ name: String) -> URL? {
        guard let own = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(name),
              FileManager.default.isExecutableFile(atPath: own.path),
              own.path.hasPrefix(root.standardizedFileURL.resolvingSymlinksInPath().path + "/") else { return nil }
        return own
    }

    /// The built binary: beside quantbt first, which saves asking SwiftPM (half a second,
    /// and it waits for a running build), else where SwiftPM says.
    private func locate(_ name: String) throws -> URL {
        if let own = besideQuantbt(name) { return own }
        let (status, binPath) = try CommandOutput.capture("swift", ["build", "--package-path", root.path, "-c", configuration, "--show-bin-path"])
        let binary = URL(fileURLWithPath: binPath.trimmingCharacters(in: .whitespacesAndNewlines)).appendingPathComponent(name)
        guard status == 0, FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw CLIError("no built binary for experiment '\(name)' at \(binary.path); run without --no-build")
        }
        return binary
    }

    func runInheritingOutput(_ binary: URL, arguments: [String]) throws -> Int32 {
        Self.dieWithJobServer()
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

extension ExperimentBuilder {
    /// A job of `quantbt serve` (QUANTBT_DIE_WITH_PARENT = the server's pid) dies with the
    /// server: a server killed outright leaves no job running that its restart would run again.
    static func dieWithJobServer() {
        guard let server = ProcessInfo.processInfo.environment["QUANTBT_DIE_WITH_PARENT"].flatMap(Int32.init) else { return }
        if qbt_die_with_parent(SIGTERM) == 0, getppid() != server { exit(128 + SIGTERM) }  // it went before we asked
    }
}
