import Analysis
import Config
import Experiments
import Foundation
import MarketData
import Model
import Store

/// The parsers that read outside input, each as a function of raw bytes: what the libFuzzer
/// harness (`fuzz/quantbt-fuzz`, `make fuzz`) feeds and what the corpus replay test
/// (`Tests/FuzzTests`, `make test`) runs again. A parser may refuse any input with an error;
/// it must never crash, hang or run away with memory, which is all a target checks.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// data files: CSVBarLoader, in one pass and in two halves, under each check policy.
    case csv
    /// experiment.yaml and `--set`: the text before a line `#--set` is the file, each line
    /// after it one override; then every section of the config is read and checked.
    case config
    /// a sweep axis as given to `--set` (`params.fast=10:100:10`, `a,b,c`, `[1, 2]`).
    case sweepAxis = "sweep-axis"
    /// the readers of goldens and run folders: manifest.json, JSON documents (metrics.json,
    /// breakdowns.json) flattened for comparison and read back for reports, CSV artifacts.
    case artifacts
    /// the results store's filter language, compiled to SQL.
    case filter
    /// a job submitted to `quantbt serve` (the body of POST /api/v1/jobs), checked against
    /// the shipped experiments (their configs and built-in strategies' parameters).
    case jobRequest = "job-request"

    /// Feeds `data` to the target's parsers; errors are the expected outcome for most inputs.
    public func run(_ data: Data) {
        switch self {
        case .csv: Self.csv(data)
        case .config: Self.config(data)
        case .sweepAxis: Self.sweepAxis(data)
        case .artifacts: Self.artifacts(data)
        case .filter: Self.filter(data)
        case .jobRequest: _ = try? JobRequest.parse(data, root: Self.repository)
        }
    }

    static func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    /// The repository the job requests name experiments in: the one this file is in when it
    /// is at hand (the replay test, a fuzzer run from a checkout), else the current folder.
    static let repository: URL = {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return FileManager.default.fileExists(atPath: here.appendingPathComponent("experiments").path)
            ? here : URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    static func csv(_ data: Data) {
        let warn = DataChecks(Dictionary(uniqueKeysWithValues: DataCheck.allCases.map { ($0, .warn) }))
        let drop = DataChecks(Dictionary(uniqueKeysWithValues: DataCheck.allCases.map { ($0, .drop) }))
        data.withUnsafeBytes { bytes in
            for checks in [DataChecks(), warn, drop] {
                // `.max`: one pass; 64 bytes: the two-halves path on almost every input.
                for threshold in [Int.max, 64] {
                    _ = try? CSVBarLoader.parse(bytes, source: "fuzz.csv", symbol: "FUZZ", checks: checks, parallelThreshold: threshold)
                }
            }
        }
    }

    static func config(_ data: Data) {
        let parts = text(data).components(separatedBy: "\n#--set\n")
        guard var node = try? ConfigNode.parse(yaml: parts[0], file: "experiment.yaml") else { return }
        for line in parts.dropFirst().joined(separator: "\n").split(separator: "\n") {
            guard (try? node.apply(override: String(line))) != nil else { return }
        }
        _ = try? ExperimentConfig.read(node, defaultName: "fuzz", defaultStrategy: "sma-crossover")
    }

    static func sweepAxis(_ data: Data) {
        let text = text(data)
        _ = ParameterGrid.values(text)
        _ = try? ParameterGrid.axis(override: text)
    }

    static func artifacts(_ data: Data) {
        _ = try? Manifest.parse(data, label: "fuzz")
        _ = try? FlatDocument(json: data, name: "fuzz.json")
        _ = CanonicalValue(json: data)
        _ = try? CSVTable(text: text(data), name: "fuzz.csv")
    }

    /// One store for the process, empty, with the current schema: a filter that parses must
    /// compile to SQL that SQLite accepts, or the target stops the process (a bug in the compiler).
    static let store: RunStore = {
        // Removed when the process exits (a fuzzer run is one process).
        atexit { for suffix in ["", "-wal", "-shm"] { unlink(fuzzStorePath + suffix) } }
        return try! RunStore(path: fuzzStorePath)
    }()

    static func filter(_ data: Data) {
        guard let filter = try? RunFilter(text(data)) else { return }
        var query = RunStore.Query()
        query.filter = filter
        do { _ = try store.list(query) } catch { fatalError("the filter parsed but its SQL failed: \(error)") }
    }
}

private let fuzzStorePath = FileManager.default.temporaryDirectory.appendingPathComponent("quantbt-fuzz-\(getpid()).sqlite").path
