import Foundation
import Store

/// One job's quantbt child process: its arguments as a list (no shell), progress read from
/// its "progress DONE/TOTAL" lines, its run folder from the JSON it prints, and how it ended.
final class ChildJob: @unchecked Sendable {
    enum StopReason: Sendable { case cancelled, timedOut(Double), serverStopping }
    enum Outcome: Sendable, CustomStringConvertible {
        case succeeded(runID: String), cancelled, failed(String)
        var description: String {
            switch self {
            case .succeeded(let id): "succeeded, run \(id)"
            case .cancelled: "cancelled"
            case .failed(let why): "failed: \(why)"
            }
        }
    }

    let record: JobRecord
    let started = Date()
    var onProgress: (@Sendable (Int, Int) -> Void)?
    var onExit: (@Sendable (Outcome) -> Void)?
    /// Set when the server stops it: the job goes back to the queue instead of ending.
    private(set) var requeueOnExit = false

    private let process = Process()
    private let lock = NSLock()
    private var stopReason: StopReason?
    private var stderrTail = ""
    private let done = DispatchSemaphore(value: 0)

    init(record: JobRecord, executable: String, arguments: [String], directory: URL) {
        self.record = record
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["QUANTBT_PROGRESS"] = "lines"
        environment["QUANTBT_DIE_WITH_PARENT"] = String(getpid())
        process.environment = environment
    }

    func launch() throws {
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = Output()
        let readers = DispatchGroup()
        readers.enter()
        Thread.detachNewThread { stdout.data = out.fileHandleForReading.readDataToEndOfFile(); readers.leave() }
        readers.enter()
        Thread.detachNewThread { [self] in readErrors(err.fileHandleForReading); readers.leave() }
        Thread.detachNewThread { [self] in
            process.waitUntilExit()
            readers.wait()
            let outcome = outcome(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal, stdout: stdout.data)
            onExit?(outcome)
            done.signal()
        }
    }

    private final class Output: @unchecked Sendable { var data = Data() }

    /// Progress lines become progress; the rest is kept (the last 4 KB) to say why a job failed.
    private func readErrors(_ handle: FileHandle) {
        var pending = Data()
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            pending.append(chunk)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...newline)
                if line.hasPrefix("progress "), let slash = line.firstIndex(of: "/"),
                   let done = Int(line[line.index(line.startIndex, offsetBy: 9)..<slash]), let total = Int(line[line.index(after: slash)...]) {
                    onProgress?(done, total)
                } else {
                    lock.withLock { stderrTail = String((stderrTail + line + "\n").suffix(4_096)) }
                }
            }
        }
    }

    private func outcome(status: Int32, signalled: Bool, stdout: Data) -> Outcome {
        let reason = lock.withLock { stopReason }
        switch reason {
        case .cancelled?: return .cancelled
        case .timedOut(let limit)?: return .failed("stopped after its time limit of \(Self.seconds(limit)) s")
        case .serverStopping?: return .failed("the server stopped")
        case nil: break
        }
        if status == 0, let object = try? JSONSerialization.jsonObject(with: stdout) as? [String: Any], let dir = object["run_dir"] as? String {
            return .succeeded(runID: URL(fileURLWithPath: dir).lastPathComponent)
        }
        let errors = lock.withLock { stderrTail }.split(separator: "\n").map(String.init)
        let why = errors.last { $0.hasPrefix("error:") || $0.hasPrefix("Error:") }.map { String($0.drop { $0 != ":" }.dropFirst().drop { $0 == " " }) }
            ?? errors.last ?? "no output"
        return .failed((signalled ? "killed by signal \(status)" : "exit status \(status)") + ": " + why)
    }

    /// SIGTERM (the experiment removes its `.partial-` folder and exits), SIGKILL after 10 s.
    @discardableResult
    func stop(reason: StopReason) -> Bool {
        // Only a child still running is stopped (one that has just finished keeps its outcome).
        let first = lock.withLock { () -> Bool in
            guard stopReason == nil, process.isRunning else { return false }
            stopReason = reason
            if case .serverStopping = reason { requeueOnExit = true }  // before the signal: the exit may come at once
            return true
        }
        guard first else { return false }
        let pid = process.processIdentifier
        kill(pid, SIGTERM)
        DispatchQueue.global().asyncAfter(deadline: .now() + 10) { [process] in if process.isRunning { kill(pid, SIGKILL) } }
        return true
    }

    func waitUntilExit() { done.wait(); done.signal() }

    static func seconds(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
}
