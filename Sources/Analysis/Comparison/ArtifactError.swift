import Model

/// Why runs or goldens could not be compared at all (as opposed to comparing unequal).
/// Each case has its own exit code (`ExitStatus`), so scripts can tell them apart.
public enum ArtifactError: Error, CustomStringConvertible, Equatable {
    /// No golden folder, or a file its manifest lists is gone.
    case goldenMissing(String)
    /// A golden file whose SHA-256 is not the one in its manifest, or a manifest that
    /// cannot be read.
    case goldenCorrupt(String)
    /// A run folder without manifest.json or provenance.json, or not a run folder at all.
    case runIncomplete(String)
    /// diff was given runs of two different experiments.
    case differentExperiments(String)
    /// A file that should be CSV/JSON/YAML but cannot be parsed.
    case unreadable(String)

    public var description: String {
        switch self {
        case .goldenMissing(let m), .goldenCorrupt(let m), .runIncomplete(let m), .differentExperiments(let m), .unreadable(let m): m
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .goldenMissing: .goldenMissing
        case .goldenCorrupt, .unreadable: .goldenCorrupt
        case .runIncomplete: .runIncomplete
        case .differentExperiments: .differentExperiments
        }
    }
}
