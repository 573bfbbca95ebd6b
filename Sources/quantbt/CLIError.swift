import Config
import ArgumentParser
import Analysis
import Experiments
import Foundation

/// An error shown as `error: <message>` with exit status 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Prints `error: <message>` and returns the exit code to throw: for outcomes that have
/// their own status (see `ExitStatus`).
func failure(_ status: ExitStatus, _ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    return ExitCode(status.rawValue)
}

/// Runs `body`, turning an `ArtifactError` into its own exit status.
func withArtifactErrors<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as ArtifactError { throw failure(e.exitStatus, e.description) }
}

/// The experiment folder and its validated config, or the config error as a plain `error:` line.
func openExperiment(_ path: String, overrides: [String] = []) throws -> (ExperimentDirectory, ExperimentConfig) {
    do {
        let directory = try ExperimentDirectory(path: path)
        return (directory, try directory.loadConfig(overrides: overrides, defaultStrategy: ""))
    } catch { throw CLIError("\(error)") }
}
