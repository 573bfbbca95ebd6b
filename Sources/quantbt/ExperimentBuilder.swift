import Experiments
import Foundation

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

    func binary(for name: String, build: Bool) throws -> URL {
        if build {
            FileHandle.standardError.write(Data("building \(name) (\(configuration))...\n".utf8))
            let (status, output) = try Self.capture("swift", ["build", "--package-path", root.path, "-c", configuration, "--product", name])
            if status != 0 {
                if output.contains("no product named") {
                    throw CLIError("experiment '\(name)' is not a target in Package.swift; add \"\(name)\" to experimentNames there (quantbt new does this)")
                }
                throw CLIError("building experiment '\(name)' failed:\n\(output)")
            }
        }
        let (status, binPath) = try Self.capture("swift", ["build", "--package-path", root.path, "-c", configuration, "--show-bin-path"])
        let binary = URL(fileURLWithPath: binPath.trimmingCharacters(in: .whitespacesAndNewlines)).appendingPathComponent(name)
        guard status == 0, FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw CLIError("no built binary for experiment '\(name)' at \(binary.path); run without --no-build")
        }
        return binary
    }

    static func capture(_ tool: String, _ args: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + args
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func runInheritingOutput(_ binary: URL, arguments: [String], in directory: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
