import Foundation

/// "run 2/5 (2 workers) ... 0.41 s, about 1.2 s left" on standard error, for long work.
/// Quiet under --json, so standard output stays one JSON object.
final class Progress {
    let total: Int
    let quiet: Bool
    private let start = Date()
    private var stepStart = Date()

    init(total: Int, quiet: Bool) {
        (self.total, self.quiet) = (total, quiet)
    }

    func started(_ step: Int, _ what: String) {
        stepStart = Date()
        say("run \(step)/\(total) (\(what))...")
    }

    func finished(_ step: Int) {
        let elapsed = Date().timeIntervalSince(start)
        let left = elapsed / Double(step) * Double(total - step)
        say(String(format: "run %d/%d done in %.2f s; %.1f s elapsed", step, total, Date().timeIntervalSince(stepStart), elapsed)
            + (step < total ? String(format: ", about %.1f s left", left) : ""))
    }

    private func say(_ line: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
