import Analysis
import Reports
import Store

/// `quantbt runs list` output: a terminal table, CSV, Markdown or JSON.
package enum RunListing {
    package enum Format: String, CaseIterable, Sendable { case table, csv, md, json }

    /// The headline metrics a table shows (every metric is in csv and json).
    static let headline = ["total_return", "sharpe", "max_drawdown", "trades"]

    package static func render(_ runs: [ListedRun], format: Format) -> String {
        switch format {
        case .json: return CanonicalValue.list(runs.map(json)).json().trimmingCharacters(in: .newlines)
        case .csv: return csv(runs)
        case .md: return MarkdownRenderer.table(table(runs))
        case .table: return TerminalTable.lines(table(runs)).joined(separator: "\n")
        }
    }

    package static func json(_ r: ListedRun) -> CanonicalValue {
        .map([
            "id": .string(r.run.id), "experiment": .string(r.run.experiment), "kind": .string(r.run.kind), "status": .string(r.run.status),
            "started": r.run.started.map { .string($0) } ?? .null, "finished": r.run.finished.map { .string($0) } ?? .null,
            "parent_id": r.run.parentID.map { .string($0) } ?? .null, "run_dir": r.run.runDir.map { .string($0) } ?? .null,
            "git": .map(["commit": r.run.gitCommit.map { .string($0) } ?? .null, "dirty": r.run.gitDirty.map { .bool($0) } ?? .null]),
            "params": .map(Dictionary(r.params.map { ($0.0, Self.scalar($0.1)) }) { a, _ in a }),
            "metrics": .map(Dictionary(r.metrics.map { ($0.0, metric($0.0, $0.1)) }) { a, _ in a }),
            "tags": .map(Dictionary(r.tags.map { ($0.0, CanonicalValue.string($0.1)) }) { a, _ in a }),
            "error": r.run.error.map { .string($0) } ?? .null,
        ])
    }

    /// Counts (trades, fills, bars) as whole numbers, as metrics.json has them.
    static func metric(_ key: String, _ value: Double?) -> CanonicalValue {
        if let value, PerformanceMetrics.countKeys.contains(key), value == value.rounded(), abs(value) < 1e15 { return .int(Int(value)) }
        return .optional(value)
    }

    /// A parameter as JSON: a number when it reads as one.
    static func scalar(_ text: String) -> CanonicalValue {
        if let i = Int(text) { return .int(i) }
        if let d = Double(text), d.isFinite { return .number(d) }
        return text == "true" || text == "false" ? .bool(text == "true") : .string(text)
    }

    static func table(_ runs: [ListedRun]) -> ReportTable {
        ReportTable(header: ["id", "experiment", "kind", "status", "started", "commit", "params"] + headline, rows: runs.map { r in
            let m = Dictionary(r.metrics) { a, _ in a }
            return [r.run.id, r.run.experiment, r.run.kind, r.run.status, String((r.run.started ?? "").prefix(19)),
                    String((r.run.gitCommit ?? "").prefix(8)) + (r.run.gitDirty == true ? "+" : ""),
                    r.params.map { "\($0.0)=\($0.1)" }.joined(separator: " ")]
                + headline.map { key in
                    guard let v = m[key] ?? nil else { return "n/a" }
                    return key == "trades" ? NumberFormat.value(v) : key == "sharpe" ? NumberFormat.fixed(v) : NumberFormat.percent(v, signed: key != "max_drawdown")
                }
        })
    }

    static func csv(_ runs: [ListedRun]) -> String {
        let params = Set(runs.flatMap { $0.params.map(\.0) }).sorted(), metrics = Set(runs.flatMap { $0.metrics.map(\.0) }).sorted()
        let tags = Set(runs.flatMap { $0.tags.map(\.0) }).sorted()
        var lines = [(["id", "experiment", "kind", "status", "started", "git_commit", "git_dirty", "run_dir"] + params.map { "params." + $0 }
            + metrics.map { "metrics." + $0 } + tags.map { "tags." + $0 }).map(field).joined(separator: ",")]
        for r in runs {
            let p = Dictionary(r.params) { a, _ in a }, m = Dictionary(r.metrics) { a, _ in a }, t = Dictionary(r.tags) { a, _ in a }
            let row = [r.run.id, r.run.experiment, r.run.kind, r.run.status, r.run.started ?? "", r.run.gitCommit ?? "",
                       r.run.gitDirty.map { $0 ? "true" : "false" } ?? "", r.run.runDir ?? ""]
                + params.map { p[$0] ?? "" } + metrics.map { (m[$0] ?? nil).map(CanonicalValue.format) ?? "" } + tags.map { t[$0] ?? "" }
            lines.append(row.map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    static func field(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
