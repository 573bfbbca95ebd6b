import Analysis
import Reports
import Store

/// `quantbt runs show ID`: params, metrics by segment, provenance, artifacts and children.
package enum RunDetails {
    package static func text(_ r: IndexedRun) -> String {
        let run = r.run
        var lines = ["\(run.id): \(run.experiment) \(run.kind), \(run.status)" + (run.error.map { " (\($0))" } ?? "")]
        lines.append("  started \(run.started ?? "?"), finished \(run.finished ?? "?")" + (run.durationMS.map { ", \(NumberFormat.value(Double($0) / 1000)) s" } ?? ""))
        lines.append("  folder: \(run.runDir ?? "?")")
        lines.append("provenance:")
        lines.append("  commit \(run.gitCommit ?? "none")\(run.gitDirty == true ? " (dirty)" : run.gitDirty == false ? " (clean)" : "")")
        lines.append("  config sha256 \(run.configSHA256 ?? "?"), manifest sha256 \(run.manifestSHA256 ?? "?")")
        lines.append("  toolchain \(run.toolchain ?? "?"), host \(run.host ?? "?")")
        for d in r.datasets { lines.append("  data \(d.path): \(NumberFormat.grouped(d.bytes)) bytes, sha256 \(d.sha256)") }
        if !r.tags.isEmpty { lines.append("tags: " + r.tags.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")) }
        if !r.params.isEmpty { lines.append("params: " + r.params.map { "\($0.key)=\($0.text)" }.joined(separator: " ")) }
        let segments = orderedSegments(r.metrics)
        if !segments.isEmpty {
            let keys = Array(Set(r.metrics.map(\.key))).sorted()
            let values = Dictionary(r.metrics.map { ("\($0.segment)\u{0}\($0.key)", $0.value) }) { a, _ in a }
            lines.append("metrics:")
            lines += TerminalTable.lines(ReportTable(header: ["metric"] + segments, rows: keys.map { key in
                [key] + segments.map { s in values["\(s)\u{0}\(key)"].map { $0.map(NumberFormat.value) ?? "null" } ?? "" }
            }))
        }
        lines.append("artifacts: \(r.artifacts.count) files, \(NumberFormat.grouped(r.artifacts.reduce(0) { $0 + max($1.bytes, 0) })) bytes")
        for a in r.artifacts.prefix(12) { lines.append("  \(a.file)  \(NumberFormat.grouped(a.bytes)) bytes  \(a.sha256.prefix(16))") }
        if r.artifacts.count > 12 { lines.append("  ... and \(r.artifacts.count - 12) more (--format json lists them all)") }
        if !r.children.isEmpty {
            let kinds = Dictionary(grouping: r.children, by: \.run.kind).map { "\($0.value.count) \($0.key)\($0.value.count == 1 ? "" : "s")" }.sorted()
            lines.append("children: " + kinds.joined(separator: ", ") + " (quantbt runs list --kind KIND --filter \"parent = '\(run.id)'\")")
        }
        return lines.joined(separator: "\n")
    }

    /// full first, then splits in their order, then the rest by name.
    static func orderedSegments(_ metrics: [MetricRecord]) -> [String] {
        let rank = ["full": 0, "train": 1, "validation": 2, "holdout": 3, "test": 4]
        return Array(Set(metrics.map(\.segment))).sorted { (rank[$0] ?? 9, $0) < (rank[$1] ?? 9, $1) }
    }

    package static func json(_ r: IndexedRun) -> CanonicalValue {
        var metrics: [String: [String: CanonicalValue]] = [:]
        for m in r.metrics { metrics[m.segment, default: [:]][m.key] = RunListing.metric(m.key, m.value) }
        let listed = ListedRun(run: r.run, params: r.params.map { ($0.key, $0.text) }, metrics: [], tags: r.tags.map { ($0.key, $0.value) })
        guard case .map(var map) = RunListing.json(listed) else { return .null }
        map["metrics"] = .map(metrics.mapValues { .map($0) })
        func text(_ s: String?) -> CanonicalValue { s.map { .string($0) } ?? .null }
        let data: [CanonicalValue] = r.datasets.map { .map(["path": .string($0.path), "bytes": .int($0.bytes), "sha256": .string($0.sha256)]) }
        let provenance: [String: CanonicalValue] = [
            "config_sha256": text(r.run.configSHA256), "manifest_sha256": text(r.run.manifestSHA256), "data_sha256": text(r.run.dataSHA256),
            "toolchain": text(r.run.toolchain), "host": text(r.run.host), "data": .list(data),
        ]
        map["provenance"] = .map(provenance)
        map["artifacts"] = .list(r.artifacts.map { .map(["file": .string($0.file), "bytes": .int($0.bytes), "sha256": .string($0.sha256)]) })
        map["children"] = .list(r.children.map { .map(["id": .string($0.run.id), "kind": .string($0.run.kind), "status": .string($0.run.status)]) })
        return .map(map)
    }
}
