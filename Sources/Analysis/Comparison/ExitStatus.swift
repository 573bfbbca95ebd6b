import Model

/// quantbt's exit codes, one per outcome a script may need to tell apart. The README's
/// table is this list.
public enum ExitStatus: Int32, CaseIterable, Sendable {
    /// Success; for verify, every artifact matches its golden byte for byte.
    case success = 0
    /// An error not listed below: bad config or data, a failed build, a failed run.
    case failure = 1
    /// verify: every artifact is within its tolerances, but not every one is identical.
    case withinTolerance = 2
    /// verify: some artifact differs beyond tolerance, or artifacts were added or are missing.
    case mismatch = 3
    /// verify --runs: runs of the same experiment produced different artifacts.
    case nondeterministic = 4
    /// No goldens for the experiment, or a golden file its manifest lists is gone.
    case goldenMissing = 5
    /// A golden file does not match its manifest's SHA-256, or cannot be parsed.
    case goldenCorrupt = 6
    /// A run folder without manifest.json or provenance.json, or changed after the run.
    case runIncomplete = 7
    /// diff: the two runs are of different experiments.
    case differentExperiments = 8
    /// bless: the working tree has uncommitted changes (use --force to bless anyway).
    case dirtyTree = 9
    /// A command-line usage error (from ArgumentParser).
    case usage = 64

    public var meaning: String {
        switch self {
        case .success: "success; verify: every artifact identical to its golden"
        case .failure: "error: bad config or data, failed build or run"
        case .withinTolerance: "verify: passed within tolerance (not byte-identical)"
        case .mismatch: "verify: mismatch beyond tolerance, or artifacts added/missing"
        case .nondeterministic: "verify --runs: artifacts differ between runs"
        case .goldenMissing: "no goldens, or a golden file is missing"
        case .goldenCorrupt: "a golden file does not match its manifest, or cannot be parsed"
        case .runIncomplete: "a run folder without manifest.json or provenance.json, or changed after the run; report: not a plain run folder, or no breakdowns.json"
        case .differentExperiments: "diff: runs of different experiments"
        case .dirtyTree: "bless: uncommitted changes (use --force)"
        case .usage: "usage error"
        }
    }
}
