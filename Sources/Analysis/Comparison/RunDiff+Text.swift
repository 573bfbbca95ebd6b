import Model
import Model
import Foundation

extension RunDiff {
    /// How many added, removed or changed trades the terminal view lists (JSON has all).
    static let listed = 10

    /// The terminal view.
    public var text: String {
        var out = ["A: \(a.label)", "B: \(b.label)", ""]
        out.append(config.isIdentical ? "config: identical" : config.changes.count == 1 ? "config: 1 key differs" : "config: \(config.changes.count) keys differ")
        for c in config.changes { out.append("  \(c.path): \(c.expected?.display ?? "(absent)") → \(c.actual?.display ?? "(absent)")") }
        out.append(provenance.isIdentical ? "provenance: same commit, dirty state, config hash, data and toolchain" : "provenance:")
        for c in provenance.changes { out.append("  \(c.path): \(c.expected?.display ?? "(absent)") → \(c.actual?.display ?? "(absent)")") }

        out.append("")
        out.append(metricsTable())
        out.append("")
        out += tradesLines()
        out += equityLines()
        return out.joined(separator: "\n")
    }

    private func metricsTable() -> String {
        let width = max(8, metrics.map(\.name.count).max() ?? 0)
        func pad(_ s: String, _ n: Int, left: Bool = false) -> String {
            s.count >= n ? s : (left ? s + String(repeating: " ", count: n - s.count) : String(repeating: " ", count: n - s.count) + s)
        }
        var lines = [pad("metric", width + 2, left: true) + pad("A", 16) + pad("B", 16) + pad("B − A", 14) + pad("rel", 10)]
        for m in metrics {
            let changed = m.a != m.b
            var line = (changed ? "* " : "  ") + pad(m.name, width, left: true)
            line += pad(m.a.map(text) ?? "-", 16) + pad(m.b.map(text) ?? "-", 16)
            if let d = m.delta, changed {
                line += pad((d.absolute >= 0 ? "+" : "") + NumberFormat.value(d.absolute), 14) + pad(d.relative.map { NumberFormat.percent($0) } ?? "", 10)
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    private func text(_ leaf: FlatDocument.Leaf) -> String {
        if case .number(let d) = leaf { return NumberFormat.value(d) } else { return leaf.display }
    }

    private func tradesLines() -> [String] {
        guard let t = trades else { return ["trades: not in both runs"] }
        var lines = ["trades: \(t.expectedRows) in A, \(t.actualRows) in B; \(t.added.count) added, \(t.missing.count) removed, "
            + "\(t.changed.count) changed (matched by symbol and entry time)"]
        if let first = t.firstDivergence { lines.append("  first divergence: \(first)") }
        for r in t.added.prefix(Self.listed) { lines.append("  + \(t.describe(r))") }
        if t.added.count > Self.listed { lines.append("  + ... \(t.added.count - Self.listed) more") }
        for r in t.missing.prefix(Self.listed) { lines.append("  - \(t.describe(r))") }
        if t.missing.count > Self.listed { lines.append("  - ... \(t.missing.count - Self.listed) more") }
        for c in t.changed.prefix(Self.listed) {
            lines.append("  ~ \(t.describe(c.expected)): " + c.fields.map(Self.signedChange).joined(separator: ", "))
        }
        if t.changed.count > Self.listed { lines.append("  ~ ... \(t.changed.count - Self.listed) more") }
        return lines
    }

    static func signedChange(_ f: TableComparison.FieldChange) -> String {
        guard let x = Double(f.expected), let y = Double(f.actual) else { return "\(f.column) \(f.expected) → \(f.actual)" }
        let d = y - x
        return "\(f.column) \(f.expected) → \(f.actual) (\(d >= 0 ? "+" : "")\(NumberFormat.value(d)))"
    }

    private func equityLines() -> [String] {
        guard let e = equity else { return ["equity: not in both runs"] }
        var line = "equity: \(e.commonTimestamps) common timestamps"
        if e.onlyInA + e.onlyInB > 0 { line += " (\(e.onlyInA) only in A, \(e.onlyInB) only in B)" }
        var lines = [line]
        if let p = e.firstBeyondTolerance {
            lines.append("  first difference beyond tolerance: \(p.time): A \(NumberFormat.value(p.a)), B \(NumberFormat.value(p.b)) (gap \(NumberFormat.value(p.gap)))")
        } else {
            lines.append("  the curves agree within tolerance at every common timestamp")
        }
        if let p = e.largest, p.gap != 0 {
            lines.append("  largest gap: \(NumberFormat.value(p.gap)) at \(p.time) (A \(NumberFormat.value(p.a)), B \(NumberFormat.value(p.b)), \(NumberFormat.percent(p.a == 0 ? .nan : p.gap / abs(p.a))))")
        }
        return lines
    }

    /// `--json`: the same content, every change listed.
    public var canonical: CanonicalValue {
        func change(_ c: DocumentComparison.Change) -> CanonicalValue {
            .map(["path": .string(c.path), "a": c.expected.map { .string($0.display) } ?? .null, "b": c.actual.map { .string($0.display) } ?? .null])
        }
        var tradesValue = CanonicalValue.null
        if let t = trades {
            tradesValue = .map([
                "count_a": .int(t.expectedRows), "count_b": .int(t.actualRows),
                "added": .list(t.added.map { .string(t.describe($0)) }),
                "removed": .list(t.missing.map { .string(t.describe($0)) }),
                "changed": .list(t.changed.map { c in
                    .map(["trade": .string(t.describe(c.expected)),
                          "fields": .list(c.fields.map { f in
                              .map(["column": .string(f.column), "a": .string(f.expected), "b": .string(f.actual),
                                    "delta": Double(f.actual).flatMap { y in Double(f.expected).map { .number(y - $0) } } ?? .null])
                          })])
                }),
                "first_divergence": t.firstDivergence.map { .string($0) } ?? .null,
            ])
        }
        return .map([
            "a": .map(["run_dir": .string(a.url.path), "label": .string(a.label), "kind": .string(a.kind.rawValue)]),
            "b": .map(["run_dir": .string(b.url.path), "label": .string(b.label), "kind": .string(b.kind.rawValue)]),
            "experiment": .string(b.experiment),
            "config": .list(config.changes.map(change)),
            "provenance": .list(provenance.changes.map(change)),
            "metrics": .map(Dictionary(uniqueKeysWithValues: metrics.map { m in
                (m.name, CanonicalValue.map([
                    "a": m.a.map(Self.value) ?? .null, "b": m.b.map(Self.value) ?? .null,
                    "delta": m.delta.map { .number($0.absolute) } ?? .null, "rel": m.delta?.relative.map { .number($0) } ?? .null,
                ]))
            })),
            "trades": tradesValue,
            "equity": equity?.canonical ?? .null,
            "identical": .bool(isEmpty),
        ])
    }

    private static func value(_ leaf: FlatDocument.Leaf) -> CanonicalValue {
        switch leaf {
        case .number(let d): .number(d)
        case .text(let s): .string(s)
        case .null: .null
        }
    }
}
