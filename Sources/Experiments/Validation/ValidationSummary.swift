import Foundation

/// What `quantbt validate` prints on a terminal: the two tables of report.md and where the
/// reports are.
public enum ValidationSummary {
    public static func text(_ o: ValidationOutcome) -> String {
        var lines = ["\(o.config.name): validation (\(o.entries.count) backtests)", "splits:"]
        lines += ReportPage.terminalTable(ValidationPages.splitTable(o))
        lines.append("stress (vs baseline):")
        lines += ReportPage.terminalTable(ValidationPages.stressTable(o), columns: ValidationPages.stressTable(o).header.count - 1)
        if let sweep = o.sweep { lines += ["sweep on train (\(sweep.rows.count) combinations):"] + SweepPages.verdicts(sweep).map { "  " + $0 } }
        if let walkForward = o.walkForward { lines += ["walk-forward:"] + WalkForwardPages.summaryLines(walkForward).map { "  " + $0 } }
        lines.append(ValidationPages.holdoutLine(o))
        lines.append("report: \(o.runDirectory)/report.html (and report.md)")
        return lines.joined(separator: "\n")
    }
}

/// "validate: 4/9 backtests, 1.2 s elapsed, about 1.5 s left" on standard error, updated in
/// place on a terminal and a line at a time otherwise.
final class ValidationProgress: @unchecked Sendable {
    private let label: String
    private let start = Date()
    private let lock = NSLock()
    private let terminal = isatty(2) == 1

    init(label: String = "validate") { self.label = label }

    func update(_ done: Int, _ total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let elapsed = Date().timeIntervalSince(start)
        var line = String(format: "%@: %d/%d backtests, %.1f s elapsed", label, done, total, elapsed)
        if done < total { line += String(format: ", about %.1f s left", elapsed / Double(done) * Double(total - done)) }
        FileHandle.standardError.write(Data((terminal ? "\r" + line + (done == total ? "\n" : "") : line + "\n").utf8))
    }
}
