import Model
/// Whether repeated runs of one experiment wrote the same artifacts: `verify --runs N`
/// runs it N times with 1, 2, ..., N workers and compares the manifests.
public struct DeterminismReport: Sendable {
    public struct Run: Sendable {
        public var directory: String
        public var workers: Int
        public var hashes: [String: String]

        public init(directory: String, workers: Int, hashes: [String: String]) {
            (self.directory, self.workers, self.hashes) = (directory, workers, hashes)
        }
    }

    public var runs: [Run]
    /// Artifacts whose hash is not the same in every run, sorted by name.
    public var differing: [String]

    public init(runs: [Run]) {
        self.runs = runs
        let names = Set(runs.flatMap(\.hashes.keys)).sorted()
        differing = names.filter { name in Set(runs.map { $0.hashes[name] ?? "absent" }).count > 1 }
    }

    public var isDeterministic: Bool { differing.isEmpty }

    public var text: String {
        let header = "\(runs.count) runs with \(runs.map { "\($0.workers)" }.joined(separator: ", ")) workers: "
        guard !isDeterministic else { return header + "every artifact identical in every run" }
        var lines = [header + "NONDETERMINISTIC: \(differing.joined(separator: ", ")) differ between runs"]
        for name in differing {
            lines.append("  \(name):")
            for (i, run) in runs.enumerated() {
                lines.append("    run \(i + 1) (\(run.workers) worker\(run.workers == 1 ? "" : "s")): \(run.hashes[name].map { String($0.prefix(16)) } ?? "absent")  \(run.directory)")
            }
        }
        return lines.joined(separator: "\n")
    }

    public var canonical: CanonicalValue {
        .map([
            "deterministic": .bool(isDeterministic),
            "differing": .list(differing.map { .string($0) }),
            "runs": .list(runs.map { .map(["run_dir": .string($0.directory), "workers": .int($0.workers)]) }),
        ])
    }
}
