import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `quantbt serve` started as a process on a free loopback port, for end-to-end tests;
/// stopped by pid (SIGTERM, or SIGKILL to simulate a crash) whatever happens.
final class LiveServer: @unchecked Sendable {
    let process = Process()
    private(set) var port = 0
    let folder: URL
    private let output = Pipe()

    init(folder: URL, workers: Int = 1, extra: [String] = []) throws {
        self.folder = folder
        process.executableURL = URL(fileURLWithPath: quantbt)
        process.arguments = ["serve", "--port", "0", "--workers", String(workers), "--no-build", "--artifacts", folder.appendingPathComponent("artifacts").path,
                             "--store", folder.appendingPathComponent("runs.sqlite").path] + extra
        process.currentDirectoryURL = repositoryRoot
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        // "listening on http://127.0.0.1:PORT"
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while port == 0 && Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("listening on http://") }), let p = Int(line.split(separator: ":").last ?? "") {
                port = p
            }
        }
        if port == 0 { stop(); throw LiveError("the server did not say where it listens: \(text)") }
    }

    func stop(signal: Int32 = SIGTERM) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
    }

    deinit { stop(signal: SIGKILL) }

    /// (status, JSON object or nil, body text) of one request.
    func call(_ method: String, _ path: String, body: String? = nil) async throws -> (Int, [String: Any], String) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.httpBody = body.map { Data($0.utf8) }
        request.timeoutInterval = 30
        let (data, response) = try await URLSession.shared.data(for: request)
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, json, String(decoding: data, as: UTF8.self))
    }

    /// Polls a job until it runs (10 s at most), then gives it `then` to get under way.
    func waitUntilRunning(_ id: String, then: Duration) async throws {
        for _ in 0..<200 {
            if try await call("GET", "/api/v1/jobs/\(id)").1["status"] as? String == "running" { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: then)
    }

    /// Polls a job until it ends (or `seconds` pass); returns it.
    func waitForJob(_ id: String, seconds: Double = 120) async throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let (_, job, _) = try await call("GET", "/api/v1/jobs/\(id)")
            if let status = job["status"] as? String, ["succeeded", "failed", "cancelled"].contains(status) { return job }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw LiveError("job \(id) did not end within \(seconds) s")
    }
}

struct LiveError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
