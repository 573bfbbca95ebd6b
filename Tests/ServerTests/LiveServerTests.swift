import Foundation
import Store
import Testing

/// Against the live server on a random loopback port: submit a run, poll it, fetch the run
/// and a file of it, compare two runs, cancel a long validation while it runs (no
/// half-written folder is left), and a job's artifacts are those of the same command by hand.
@Test(.timeLimit(.minutes(5)))
func liveServerEndToEnd() async throws {
    let folder = temporaryFolder("live")
    defer { try? FileManager.default.removeItem(at: folder) }
    let server = try LiveServer(folder: folder, workers: 2)
    defer { server.stop() }
    #expect(try await server.call("GET", "/api/v1/health").0 == 200)

    let (status, submitted, _) = try await server.call("POST", "/api/v1/jobs", body: #"{"experiment": "risk-portfolio", "set": ["params.entry=40"]}"#)
    #expect(status == 202 && submitted["status"] as? String == "queued")
    let done = try await server.waitForJob(submitted["id"] as! String)
    #expect(done["status"] as? String == "succeeded", "\(done)")
    #expect(done["attempts"] as? Int == 1 && done["progress"] as? Double == 1)
    let runID = try #require(done["run_id"] as? String)
    let (runStatus, run, _) = try await server.call("GET", "/api/v1/runs/\(runID)")
    #expect(runStatus == 200 && run["experiment"] as? String == "risk-portfolio")
    let (fileStatus, _, trades) = try await server.call("GET", "/api/v1/runs/\(runID)/artifacts/trades.csv")
    #expect(fileStatus == 200 && trades.hasPrefix("trade_id,"))

    // The same command by hand gives the same files (every hash in the manifest).
    let byHand = Process()
    byHand.executableURL = URL(fileURLWithPath: quantbt)
    byHand.arguments = ["run", "experiments/risk-portfolio", "--set", "params.entry=40", "--json", "--no-build",
                        "--artifacts", folder.appendingPathComponent("by-hand").path, "--store", folder.appendingPathComponent("by-hand.sqlite").path]
    byHand.currentDirectoryURL = repositoryRoot
    let out = Pipe()
    byHand.standardOutput = out
    try byHand.run()
    byHand.waitUntilExit()
    let handDir = try #require((try JSONSerialization.jsonObject(with: out.fileHandleForReading.readDataToEndOfFile()) as? [String: Any])?["run_dir"] as? String)
    let jobManifest = try String(contentsOfFile: folder.appendingPathComponent("artifacts/risk-portfolio/\(runID)/manifest.json").path, encoding: .utf8)
    #expect(try String(contentsOfFile: handDir + "/manifest.json", encoding: .utf8) == jobManifest)

    let (_, second, _) = try await server.call("POST", "/api/v1/jobs", body: #"{"experiment": "risk-portfolio", "set": ["params.entry=55"]}"#)
    let secondRun = try #require(try await server.waitForJob(second["id"] as! String)["run_id"] as? String)
    let (compareStatus, diff, _) = try await server.call("GET", "/api/v1/compare?a=\(runID)&b=\(secondRun)")
    #expect(compareStatus == 200 && diff["metrics"] != nil)
    let (pageStatus, _, page) = try await server.call("GET", "/compare?a=\(runID)&b=\(secondRun)")
    #expect(pageStatus == 200 && page.contains("id=\"delta-table\""))

    // A validation of a year of minutes takes seconds: cancel it while it runs.
    let (_, long, _) = try await server.call("POST", "/api/v1/jobs", body: #"{"experiment": "sma-crossover", "kind": "validate"}"#)
    let longID = long["id"] as! String
    try await server.waitUntilRunning(longID, then: .milliseconds(500))
    let (cancelStatus, _, _) = try await server.call("POST", "/api/v1/jobs/\(longID)/cancel")
    #expect(cancelStatus == 202)
    let cancelled = try await server.waitForJob(longID, seconds: 60)
    #expect(cancelled["status"] as? String == "cancelled", "\(cancelled)")
    let experimentFolder = folder.appendingPathComponent("artifacts/sma-crossover").path
    let left = (try? FileManager.default.contentsOfDirectory(atPath: experimentFolder)) ?? []
    #expect(left.filter { $0.hasPrefix(".partial-") || $0.hasPrefix("2") }.isEmpty, "left behind: \(left)")
}

/// Several jobs queued with --workers 1; the server is killed outright (SIGKILL) while one
/// runs and started again: every job ends succeeded, the one that was running with a second
/// attempt, and there is exactly one run folder per job (none lost, none recorded twice).
@Test(.timeLimit(.minutes(5)))
func jobsSurviveAServerKilledOutright() async throws {
    let folder = temporaryFolder("restart")
    defer { try? FileManager.default.removeItem(at: folder) }
    var server = try LiveServer(folder: folder, workers: 1)
    var ids: [String] = []
    // The first, a validation of a year of minutes, runs long enough to be killed mid-run.
    for body in [#"{"experiment": "sma-crossover", "kind": "validate"}"#, #"{"experiment": "risk-portfolio", "set": ["params.entry=40"]}"#,
                 #"{"experiment": "risk-portfolio", "set": ["params.entry=55"]}"#, #"{"experiment": "daily-momentum"}"#] {
        ids.append(try await server.call("POST", "/api/v1/jobs", body: body).1["id"] as! String)
    }
    try await server.waitUntilRunning(ids[0], then: .milliseconds(300))
    server.stop(signal: SIGKILL)
    try await Task.sleep(for: .milliseconds(500))  // the child dies with its server (PR_SET_PDEATHSIG)

    server = try LiveServer(folder: folder, workers: 1)
    defer { server.stop() }
    var runs: [String] = []
    for id in ids {
        let job = try await server.waitForJob(id, seconds: 180)
        #expect(job["status"] as? String == "succeeded", "\(job)")
        if let run = job["run_id"] as? String { runs.append(run) }
    }
    #expect(try await server.waitForJob(ids[0])["attempts"] as? Int == 2)
    let folders = ["sma-crossover", "risk-portfolio", "daily-momentum"].flatMap { name in
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("artifacts/\(name)").path)) ?? []).filter { $0.hasPrefix("2") }
    }
    #expect(folders.sorted() == runs.sorted())
    #expect(Set(runs).count == 4)
}

/// A job past its `timeout` is stopped and failed, saying so; SIGTERM stops the server
/// cleanly and the job it was running goes back to the queue (attempts kept), nothing
/// half-written left behind.
@Test(.timeLimit(.minutes(3)))
func timeLimitsAndACleanStop() async throws {
    let folder = temporaryFolder("stop")
    defer { try? FileManager.default.removeItem(at: folder) }
    let server = try LiveServer(folder: folder, workers: 1)
    let (_, limited, _) = try await server.call("POST", "/api/v1/jobs", body: #"{"experiment": "sma-crossover", "kind": "validate", "timeout": 0.5}"#)
    let failed = try await server.waitForJob(limited["id"] as! String, seconds: 60)
    #expect(failed["status"] as? String == "failed")
    #expect(failed["error"] as? String == "stopped after its time limit of 0.5 s")

    let (_, long, _) = try await server.call("POST", "/api/v1/jobs", body: #"{"experiment": "sma-crossover", "kind": "validate"}"#)
    let id = long["id"] as! String
    try await server.waitUntilRunning(id, then: .milliseconds(300))
    server.stop(signal: SIGTERM)
    #expect(server.process.terminationStatus == 0)
    let store = try RunStore(path: folder.appendingPathComponent("runs.sqlite").path)
    let job = try #require(try store.job(Int64(id)!))
    #expect(job.status == "queued" && job.attempts == 1)
    let left = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("artifacts/sma-crossover").path)) ?? []
    #expect(left.filter { $0.hasPrefix(".partial-") || $0.hasPrefix("2") }.isEmpty, "left behind: \(left)")
}

/// A second server on a port in use says so and how to fix it (exit 1), and the first is unharmed.
@Test func aPortInUseIsAClearError() async throws {
    let folder = temporaryFolder("port")
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = try LiveServer(folder: folder)
    defer { first.stop() }
    let second = Process()
    second.executableURL = URL(fileURLWithPath: quantbt)
    second.arguments = ["serve", "--port", String(first.port), "--store", folder.appendingPathComponent("runs.sqlite").path]
    second.currentDirectoryURL = repositoryRoot
    let errors = Pipe()
    second.standardError = errors
    second.standardOutput = FileHandle.nullDevice
    try second.run()
    second.waitUntilExit()
    #expect(second.terminationStatus == 1)
    #expect(String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        == "Error: cannot listen on 127.0.0.1:\(first.port): the address is in use (another quantbt serve?); pick another --port, or --port 0 for any free one\n")
    #expect(try await first.call("GET", "/api/v1/health").0 == 200)
}
