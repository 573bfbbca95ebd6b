import Model
import Model

/// The outcome of comparing one run with its goldens.
public struct VerifyReport: Sendable {
    public var run: String
    public var golden: String
    public var files: [FileVerdict]

    package init(run: String, golden: String, files: [FileVerdict]) {
        (self.run, self.golden, self.files) = (run, golden, files)
    }

    public var status: ExitStatus {
        if files.allSatisfy({ $0.status == .identical }) { return .success }
        return files.allSatisfy({ $0.status.passes }) ? .withinTolerance : .mismatch
    }

    public var summary: String {
        switch status {
        case .success: "PASS (exact): every artifact identical to its golden"
        case .withinTolerance: "PASS (within tolerance): not byte-identical, every number within its tolerance"
        default: "FAIL: \(files.filter { !$0.status.passes }.map(\.name).joined(separator: ", ")) differ from the goldens"
        }
    }

    /// The terminal view: one line per file, details indented under it.
    public var text: String {
        var lines = ["run:    \(run)", "golden: \(golden)"]
        let width = (files.map(\.name.count).max() ?? 0) + 2
        for f in files {
            let label: String = switch f.status {
            case .identical: "identical"
            case .withinTolerance: "within tolerance"
            case .mismatch: "MISMATCH"
            case .missing: "MISSING"
            case .added: "ADDED"
            }
            lines.append("  " + f.name.padding(toLength: width, withPad: " ", startingAt: 0) + label)
            for d in f.details { lines.append(String(repeating: " ", count: width + 4) + d) }
        }
        lines.append(summary)
        return lines.joined(separator: "\n")
    }

    /// For bless: only the files that change, in the words of a review (what the new
    /// goldens change), not of a check.
    public var changeText: String {
        var lines: [String] = []
        for f in files where f.status != .identical {
            let label: String = switch f.status {
            case .added: "new"
            case .missing: "no longer produced"
            case .withinTolerance: "changed within tolerance"
            default: "changed"
            }
            lines.append("  \(f.name): \(label)")
            for d in f.details where f.status != .added && f.status != .missing { lines.append("      \(d)") }
        }
        return lines.isEmpty ? "  nothing changed" : lines.joined(separator: "\n")
    }

    public var canonical: CanonicalValue {
        .map([
            "run_dir": .string(run),
            "golden_dir": .string(golden),
            "status": .string(status == .success ? "exact" : status == .withinTolerance ? "within_tolerance" : "mismatch"),
            "passed": .bool(status != .mismatch),
            "exit_code": .int(Int(status.rawValue)),
            "files": .list(files.map(\.canonical)),
        ])
    }
}
