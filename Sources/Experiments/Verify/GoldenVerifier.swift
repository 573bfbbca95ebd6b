import Analysis
import Foundation

/// Checks a run against the experiment's goldens (`golden/<experiment>/`).
///
/// The goldens are checked first: every file their manifest lists must be there with that
/// SHA-256, or the comparison would be against something nobody blessed. Then each
/// artifact is compared (see `ArtifactComparer`): all identical is an exact pass, all
/// within tolerance a tolerant pass, anything else a mismatch.
public enum GoldenVerifier {
    public static func verify(run: URL, golden: URL, tolerances: ToleranceSet, labels: (run: String, golden: String)? = nil) throws -> VerifyReport {
        let goldenLabel = labels?.golden ?? golden.path, runLabel = labels?.run ?? run.path
        let goldenHashes = try checkedGoldens(golden, label: goldenLabel)
        let runHashes = try checkedRun(run, label: runLabel)
        let files = try ArtifactComparer.compare(expected: golden, expectedHashes: goldenHashes, actual: run, actualHashes: runHashes,
                                                 tolerances: tolerances)
        return VerifyReport(run: runLabel, golden: goldenLabel, files: files)
    }

    /// The golden manifest, after checking that every file it lists is present and intact.
    public static func checkedGoldens(_ golden: URL, label: String) throws -> [String: String] {
        let experiment = golden.lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: golden.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            let bless = experiment.hasSuffix("-validation")
                ? "quantbt bless experiments/\(experiment.dropLast("-validation".count)) --validation" : "quantbt bless experiments/\(experiment)"
            throw ArtifactError.goldenMissing("no goldens at \(label); create them with `\(bless)`")
        }
        let manifest: Manifest?
        do { manifest = try Manifest.read(in: golden, label: label) } catch let e as ArtifactError {
            throw ArtifactError.goldenCorrupt("\(e.description); restore it with `git checkout -- \(label)` or bless again")
        }
        guard let manifest else {
            throw ArtifactError.goldenMissing("\(label)/manifest.json is missing; restore it with `git checkout -- \(label)` or bless again")
        }
        if let bad = manifest.firstMismatch(in: golden) {
            guard let actual = bad.actual else {
                throw ArtifactError.goldenMissing("\(label)/\(bad.name) is listed in its manifest but missing; "
                    + "restore it with `git checkout -- \(label)` or bless again")
            }
            throw ArtifactError.goldenCorrupt("\(label)/\(bad.name) does not match its manifest (SHA-256 \(actual.prefix(12)), manifest says \(bad.expected.prefix(12))): "
                + "it was edited or damaged after blessing; restore it with `git checkout -- \(label)` or bless again")
        }
        return manifest.files
    }

    /// A run's manifest, after checking the run is complete and unaltered.
    public static func checkedRun(_ run: URL, label: String) throws -> [String: String] {
        let manifest: Manifest?
        do { manifest = try Manifest.read(in: run, label: label) } catch let e as ArtifactError {
            throw ArtifactError.runIncomplete(e.description)
        }
        guard let manifest else {
            throw ArtifactError.runIncomplete("\(label) has no manifest.json: it is not a finished run folder (runs are under artifacts/<experiment>/<run-id>)")
        }
        guard FileManager.default.fileExists(atPath: run.appendingPathComponent("provenance.json").path) else {
            throw ArtifactError.runIncomplete("\(label) has no provenance.json: it was made by an older QuantBT or copied without it; run the experiment again")
        }
        if let bad = manifest.firstMismatch(in: run) {
            throw ArtifactError.runIncomplete("\(label)/\(bad.name) " + (bad.actual == nil ? "is listed in the run's manifest but missing"
                : "does not match the run's manifest (SHA-256 \(bad.actual!.prefix(12)), manifest says \(bad.expected.prefix(12))): it was changed after the run"))
        }
        return manifest.files
    }
}
