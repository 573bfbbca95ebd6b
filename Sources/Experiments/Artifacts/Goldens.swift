import Analysis
import Foundation
import RunProvenance

/// The blessed artifacts of an experiment, in `golden/<experiment>/`: every artifact of the
/// blessing run, its manifest.json and its provenance.json.
public enum Goldens {
    /// Above this, bless warns: a golden that large bloats git history with every re-bless.
    public static let largeFileBytes = 5_000_000

    /// bless's refusal on uncommitted changes, or nil when blessing may go ahead. Goldens
    /// made from a dirty tree could not be traced to a commit.
    public static func dirtyTreeRefusal(_ git: GitState?, force: Bool) -> String? {
        guard let git, git.isDirty, !force else { return nil }
        let shown = git.changes.prefix(8).map { "  \($0.status): \($0.path)" }
        let more = git.changes.count > 8 ? ["  ... and \(git.changes.count - 8) more"] : []
        return (["the working tree of \(git.root) has \(git.changes.count) uncommitted change\(git.changes.count == 1 ? "" : "s"):"]
            + shown + more
            + ["goldens blessed now could not be traced to a commit; commit or stash the changes, "
               + "or pass --force to bless anyway (provenance.json records the tree as dirty)"]).joined(separator: "\n")
    }

    /// What blessing `run` would change in `golden`: a report against the previous goldens,
    /// or a sentence saying why there is none to compare with.
    public static func changes(run: URL, golden: URL, tolerances: ToleranceSet, goldenLabel: String) -> Result<VerifyReport, ArtifactError> {
        do {
            return .success(try GoldenVerifier.verify(run: run, golden: golden, tolerances: tolerances,
                                                      labels: (run: run.path, golden: goldenLabel)))
        } catch let e as ArtifactError { return .failure(e) } catch { return .failure(.unreadable("\(error)")) }
    }

    /// Replaces `golden` with a copy of every file of `run`. The copy is made beside it and
    /// renamed into place, so an interrupted bless leaves the old goldens whole.
    /// - Returns: files above `largeFileBytes`, for a warning.
    @discardableResult
    /// `golden/<name>` for a plain run, `golden/<name>-validation` for `quantbt validate`'s.
    public static func label(_ name: String, validation: Bool) -> String {
        "golden/\(name)\(validation ? "-validation" : "")"
    }

    public static func write(run: URL, golden: URL) throws -> [String] {
        let fm = FileManager.default
        let parent = golden.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".partial-\(golden.lastPathComponent)")
        let old = parent.appendingPathComponent(".old-\(golden.lastPathComponent)")
        try? fm.removeItem(at: staging)
        try? fm.removeItem(at: old)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        var large: [String] = []
        for name in try fm.contentsOfDirectory(atPath: run.path).sorted() where !name.hasPrefix(".") {
            let source = run.appendingPathComponent(name)
            try fm.copyItem(at: source, to: staging.appendingPathComponent(name))
            if let size = try fm.attributesOfItem(atPath: source.path)[.size] as? Int, size > largeFileBytes { large.append(name) }
        }
        if fm.fileExists(atPath: golden.path) { try fm.moveItem(at: golden, to: old) }
        try fm.moveItem(at: staging, to: golden)
        try? fm.removeItem(at: old)
        return large
    }
}
