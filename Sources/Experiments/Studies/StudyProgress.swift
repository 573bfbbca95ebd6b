import Foundation

/// "validate: 4/9 backtests, 1.2 s elapsed, about 1.5 s left" on standard error, updated in
/// place on a terminal and a line at a time otherwise.
final class StudyProgress: @unchecked Sendable {
    private let label: String
    private let start = Date()
    private let lock = NSLock()
    private let terminal = isatty(2) == 1

    init(label: String) { self.label = label }

    /// `QUANTBT_PROGRESS=lines` (set by `quantbt serve` for its jobs): "progress DONE/TOTAL"
    /// lines on standard error, under --json too, for a parent process to read.
    package static var machineReadable: Bool { ProcessInfo.processInfo.environment["QUANTBT_PROGRESS"] == "lines" }

    package static let lines: ProgressHandler = { done, total in
        FileHandle.standardError.write(Data("progress \(done)/\(total)\n".utf8))
    }

    var handler: ProgressHandler { { done, total in self.update(done, total) } }

    func update(_ done: Int, _ total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let elapsed = Date().timeIntervalSince(start)
        var line = String(format: "%@: %d/%d backtests, %.1f s elapsed", label, done, total, elapsed)
        if done < total { line += String(format: ", about %.1f s left", elapsed / Double(done) * Double(total - done)) }
        FileHandle.standardError.write(Data((terminal ? "\r" + line + (done == total ? "\n" : "") : line + "\n").utf8))
    }
}
