import Analysis

/// What `sweep` produced: one row per combination (train metrics, and validation metrics
/// when a validation split exists), the sensitivity analysis and where it went.
public struct SweepOutcome: Sendable {
    struct Row: Sendable {
        var values: [String]
        var train: PerformanceMetrics
        var validation: PerformanceMetrics?
    }

    public var runDirectory: String
    public var config: ExperimentConfig
    var grid: ParameterGrid
    var rows: [Row]
    var sensitivity: SweepSensitivity

    var objective: String { config.sweep.objective }

    static func value(_ key: String, _ m: PerformanceMetrics?) -> Double? {
        m?.entries.first { $0.0 == key }?.1
    }

    func parameters(_ i: Int) -> CanonicalValue {
        .map(Dictionary(uniqueKeysWithValues: zip(grid.axes.map(\.key), rows[i].values.map { CanonicalValue.string($0) })))
    }

    /// sweep.json (deterministic).
    var document: CanonicalValue {
        let best: CanonicalValue = sensitivity.best.map { b in
            .map(["combination": .int(b + 1), "params": parameters(b), "train": rows[b].train.canonical,
                  "validation": rows[b].validation?.canonical ?? .null])
        } ?? .null
        return .map([
            "objective": .string(objective),
            "optimized_on": .string("train split only; validation is reported, the holdout is never read"),
            "axes": .list(grid.axes.map { .map(["key": .string($0.key), "values": .list($0.values.map { .string($0) })]) }),
            "combinations": .int(rows.count),
            "best": best,
            "sharp_peak": .bool(sensitivity.isSharpPeak),
            "best_neighbours": .list(sensitivity.neighbours.map { .map(["combination": .int($0 + 1), "params": parameters($0),
                                                                         objective: .optional(Self.value(objective, rows[$0].train))]) }),
            "stable": .list(sensitivity.stable.map { .map(["combination": .int($0 + 1), "params": parameters($0)]) }),
            "rules": .map(["stable_within": .number(config.sweep.stableWithin), "peak_drop": .number(config.sweep.peakDrop)]),
        ])
    }

    /// results.csv: one row per combination, in grid order.
    var resultsCSV: String {
        let trainKeys = ["total_return", "cagr", "sharpe", "sortino", "max_drawdown", "win_rate", "profit_factor", "trades"]
        let validationKeys = ["total_return", "sharpe", "max_drawdown", "trades"]
        var lines = [(["combination"] + grid.axes.map(\.key) + ["objective"] + trainKeys + validationKeys.map { "validation_" + $0 }).joined(separator: ",")]
        func text(_ x: Double?) -> String { x.map(CanonicalValue.format) ?? "" }
        for (i, r) in rows.enumerated() {
            lines.append(([String(i + 1)] + r.values + [text(Self.value(objective, r.train))] + trainKeys.map { text(Self.value($0, r.train)) }
                          + validationKeys.map { text(Self.value($0, r.validation)) }).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The headline: objective, combinations, best, sharp_peak, stable_count (in `--json`
    /// and in a validation run's validation.json).
    var summary: [String: CanonicalValue] {
        guard case .map(let doc) = document else { return [:] }
        return doc.filter { ["objective", "combinations", "best", "sharp_peak"].contains($0.key) }
            .merging(["stable_count": .int(sensitivity.stable.count)]) { a, _ in a }
    }

    /// The one JSON object `--json` prints.
    public var json: CanonicalValue {
        .map(summary.merging(["run_dir": .string(runDirectory), "experiment": .string(config.name)]) { a, _ in a })
    }
}
