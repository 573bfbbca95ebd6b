import ArgumentParser
import CLIOptions
import Experiments
import Foundation
import Server

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the job API and the runs pages over HTTP.",
        discussion: """
            A job is exactly a `quantbt run | validate | sweep | walk-forward` of an experiment, \
            run as a child process with its artifacts and index entry the same as by hand. \
            Jobs live in the results store, so they survive the server: a job left running by \
            a server that died runs again when the next one starts. SIGINT or SIGTERM stops the \
            server cleanly: running jobs are stopped and queued again.

            Binds 127.0.0.1 by default; another host needs --token (or QUANTBT_TOKEN). With a \
            token, /api needs `Authorization: Bearer TOKEN` and the pages ask for it as a \
            password. Prints `listening on http://HOST:PORT` when ready. See README, "Server".

            Examples:
              quantbt serve
              quantbt serve --port 9090 --workers 1
              QUANTBT_TOKEN=s3cret quantbt serve --host 0.0.0.0
              curl -s -X POST localhost:8080/api/v1/jobs -d '{"experiment": "sma-crossover", "set": ["params.fast=60"]}'
            """)

    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port (0: any free port; the line `listening on` says which).") var port = 8080
    @Option(help: "Jobs at once (default: the cores).") var workers: Int?
    @Option(help: "The token every /api request must bear (default: $QUANTBT_TOKEN).") var token: String?
    @OptionGroup var location: StoreLocation
    @Option(help: ArgumentHelp("Jobs write their runs under this folder instead of artifacts/ (the store defaults to runs.sqlite in it).", valueName: "dir"))
    var artifacts: String?
    @Flag(help: "Jobs run the experiment binaries as built, without building them first.") var noBuild = false

    func validate() throws {
        if let workers, workers < 1 { throw ValidationError("--workers must be 1 or more, e.g. --workers 2") }
        if !(0...65_535).contains(port) { throw ValidationError("--port must be from 0 to 65535, e.g. --port 8080") }
        if let token = effectiveToken, token.count < 8 { throw ValidationError("--token must be at least 8 characters") }
        if !ServerSettings.isLoopback(host) && effectiveToken == nil {
            throw ValidationError("--host \(host) is not a loopback address: anyone who can reach it could run jobs; pass --token TOKEN (or set QUANTBT_TOKEN)")
        }
    }

    var effectiveToken: String? { token ?? ProcessInfo.processInfo.environment["QUANTBT_TOKEN"].flatMap { $0.isEmpty ? nil : $0 } }

    /// Every other command runs on the main thread (quantbt's children are the main thread's,
    /// and signals are forwarded from it); the server's event loops run beside it.
    func run() throws {
        let context = RunsContext(location, artifacts: artifacts)
        let store = try context.open()
        let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath().path
        var settings = ServerSettings(root: context.root, artifacts: context.artifacts, storePath: context.path, quantbt: executable)
        (settings.host, settings.port, settings.token, settings.build) = (host, port, effectiveToken, !noBuild)
        if let workers { settings.workers = workers }
        // Every other command runs on the main thread (quantbt's children are the main
        // thread's, signals are forwarded from it); the server's event loops run beside it.
        let failure = ServeFailure()
        let done = DispatchSemaphore(value: 0)
        let ready = settings
        Task {
            do {
                try await JobServer.run(ready, store: store) { host, port in
                    FileHandle.standardOutput.write(Data("listening on http://\(host.contains(":") ? "[\(host)]" : host):\(port)\n".utf8))
                }
            } catch { failure.error = error }
            done.signal()
        }
        done.wait()
        if let error = failure.error {
            if "\(error)".contains("Address already in use") {
                throw CLIError("cannot listen on \(host):\(port): the address is in use (another quantbt serve?); pick another --port, or --port 0 for any free one")
            }
            throw error
        }
    }
}

private final class ServeFailure: @unchecked Sendable { var error: Error? }
