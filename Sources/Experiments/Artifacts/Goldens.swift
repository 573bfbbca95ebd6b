import Foundation

/// The blessed artifacts of an experiment, in `golden/<experiment>/`.
///
/// A golden folder holds the run's manifest.json (the SHA-256 of every artifact), its
/// config.yaml and metrics.json, and every CSV artifact small enough to review in git
/// (under `maxCopiedBytes`); a larger one, such as a year of minute equity, is kept by hash
/// only. Comparison is exact by hash; where a differing file is present in the golden
/// folder the first differing line is shown.
public enum Goldens {
    public static let maxCopiedBytes = 1_000_000
    static let alwaysCopied: Set<String> = ["config.yaml", "metrics.json", "manifest.json"]

    /// Copies the run's artifacts into `golden` (replacing what was there).
    public static func write(run: URL, golden: URL) throws {
        let fm = FileManager.default
        let staging = golden.deletingLastPathComponent().appendingPathComponent(".partial-\(golden.lastPathComponent)")
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: run.path).sorted() {
            let source = run.appendingPathComponent(name)
            let size = (try fm.attributesOfItem(atPath: source.path)[.size] as? Int) ?? 0
            if alwaysCopied.contains(name) || size <= maxCopiedBytes {
                try fm.copyItem(at: source, to: staging.appendingPathComponent(name))
            }
        }
        if fm.fileExists(atPath: golden.path) { try fm.removeItem(at: golden) }
        try fm.moveItem(at: staging, to: golden)
    }

    /// Differences between a run and the goldens; empty when every artifact hash matches.
    public static func compare(run: URL, golden: URL) throws -> [String] {
        let expected = try hashes(in: golden.appendingPathComponent("manifest.json"))
        let actual = try hashes(in: run.appendingPathComponent("manifest.json"))
        var problems: [String] = []
        for name in Set(expected.keys).union(actual.keys).sorted() {
            switch (expected[name], actual[name]) {
            case (nil, _): problems.append("\(name): produced by the run but not in the goldens")
            case (_, nil): problems.append("\(name): in the goldens but not produced by the run")
            case let (e?, a?) where e != a:
                var line = "\(name): SHA-256 differs (golden \(e.prefix(12)), run \(a.prefix(12)))"
                if let first = firstDifference(golden.appendingPathComponent(name), run.appendingPathComponent(name)) {
                    line += "; first difference at line \(first.line): golden '\(first.expected)', run '\(first.actual)'"
                }
                problems.append(line)
            default: break
            }
        }
        return problems
    }

    static func hashes(in manifest: URL) throws -> [String: String] {
        guard let data = FileManager.default.contents(atPath: manifest.path) else {
            throw ConfigError("no manifest at \(manifest.path); bless the experiment first (quantbt bless EXPERIMENT-DIR)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let files = object["files"] as? [String: String] else {
            throw ConfigError("\(manifest.path) is not a QuantBT manifest (expected {\"files\": {name: sha256}})")
        }
        return files
    }

    static func firstDifference(_ a: URL, _ b: URL) -> (line: Int, expected: String, actual: String)? {
        guard let x = try? String(contentsOf: a, encoding: .utf8), let y = try? String(contentsOf: b, encoding: .utf8) else { return nil }
        let xl = x.split(separator: "\n", omittingEmptySubsequences: false)
        let yl = y.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(xl.count, yl.count) {
            let e = i < xl.count ? String(xl[i]) : "<end of file>"
            let r = i < yl.count ? String(yl[i]) : "<end of file>"
            if e != r { return (i + 1, e, r) }
        }
        return nil
    }
}
