import Model

/// What `sweep` produced: one row per combination (train metrics, and validation metrics
/// when a validation split exists), the sensitivity analysis and where it went.
public struct SweepOutcome: Sendable {
    public struct Row: Sendable {
        public var values: [String]
        public var train: PerformanceMetrics
        public var validation: PerformanceMetrics?

        public init(values: [String], train: PerformanceMetrics, validation: PerformanceMetrics?) {
            (self.values, self.train, self.validation) = (values, train, validation)
        }
    }

    /// Where it was written, relative to the repository root ("" until recorded).
    public var runDirectory = ""
    public var experiment: String
    public var plan: SweepPlan
    /// The grid that ran: the plan's, with `--set` axes added.
    public var grid: ParameterGrid
    public var rows: [Row]
    public var sensitivity: SweepSensitivity

    public var objective: SweepObjective { plan.objective }

    /// Analyses `rows` (one per combination of `grid`, in grid order) by the plan's rules.
    public init(experiment: String, plan: SweepPlan, grid: ParameterGrid, rows: [Row]) {
        (self.experiment, self.plan, self.grid, self.rows) = (experiment, plan, grid, rows)
        sensitivity = SweepSensitivity.analyze(objectives: rows.map { plan.objective.value($0.train) }, sizes: grid.axes.map(\.values.count),
                                               maximize: plan.objective.maximizes, stableWithin: plan.stableWithin, peakDrop: plan.peakDrop)
    }

    package static func value(_ key: String, _ m: PerformanceMetrics?) -> Double? { m?.value(named: key) }

    public func parameters(_ i: Int) -> CanonicalValue {
        .map(Dictionary(uniqueKeysWithValues: zip(grid.axes.map(\.key), rows[i].values.map { CanonicalValue.string($0) })))
    }

    /// sweep.json (deterministic).
    public var document: CanonicalValue {
        let best: CanonicalValue = sensitivity.best.map { b in
            .map(["combination": .int(b + 1), "params": parameters(b), "train": rows[b].train.canonical,
                  "validation": rows[b].validation?.canonical ?? .null])
        } ?? .null
        return .map([
            "objective": .string(objective.rawValue),
            "optimized_on": .string("train split only; validation is reported, the holdout is never read"),
            "axes": .list(grid.axes.map { .map(["key": .string($0.key), "values": .list($0.values.map { .string($0) })]) }),
            "combinations": .int(rows.count),
            "best": best,
            "sharp_peak": .bool(sensitivity.isSharpPeak),
            "best_neighbours": .list(sensitivity.neighbours.map { .map(["combination": .int($0 + 1), "params": parameters($0),
                                                                         objective.rawValue: .optional(objective.value(rows[$0].train))]) }),
            "stable": .list(sensitivity.stable.map { .map(["combination": .int($0 + 1), "params": parameters($0)]) }),
            "rules": .map(["stable_within": .number(plan.stableWithin), "peak_drop": .number(plan.peakDrop)]),
        ])
    }

    /// results.csv: one row per combination, in grid order.
    public var resultsCSV: String {
        let trainKeys = ["total_return", "cagr", "sharpe", "sortino", "max_drawdown", "win_rate", "profit_factor", "trades"]
        let validationKeys = ["total_return", "sharpe", "max_drawdown", "trades"]
        var lines = [(["combination"] + grid.axes.map(\.key) + ["objective"] + trainKeys + ["validation_objective"]
                      + validationKeys.map { "validation_" + $0 }).joined(separator: ",")]
        func text(_ x: Double?) -> String { x.map(CanonicalValue.format) ?? "" }
        for (i, r) in rows.enumerated() {
            lines.append(([String(i + 1)] + r.values + [text(objective.value(r.train))] + trainKeys.map { text(Self.value($0, r.train)) }
                          + [text(objective.value(r.validation))] + validationKeys.map { text(Self.value($0, r.validation)) }).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A sweep read back from its files (sweep.json and results.csv), for its report: the
    /// grid, the rules and every row's train and validation metrics as results.csv has them
    /// (the objective's own value included), so the sensitivity analysis is the same.
    package static func read(experiment: String, document: CanonicalValue, results: CSVTable) throws -> SweepOutcome {
        guard let name = document["objective"]?.string, let objective = SweepObjective(rawValue: name) else {
            throw ArtifactError.unreadable("sweep.json: no known `objective`")
        }
        var plan = SweepPlan()
        plan.objective = objective
        plan.stableWithin = document["rules"]?["stable_within"]?.double ?? plan.stableWithin
        plan.peakDrop = document["rules"]?["peak_drop"]?.double ?? plan.peakDrop
        let axes = (document["axes"]?.items ?? []).map { ParameterGrid.Axis(key: $0["key"]?.string ?? "?", values: ($0["values"]?.items ?? []).compactMap(\.string)) }
        guard let objectiveColumn = results.column("objective"), let validationObjective = results.column("validation_objective") else {
            throw ArtifactError.unreadable("results.csv: no `objective` or `validation_objective` column; it was written by an older QuantBT")
        }
        let columns = Dictionary(results.header.enumerated().map { ($1, $0) }) { a, _ in a }
        let rows = results.rows.map { fields -> Row in
            func number(_ i: Int?) -> Double? { i.flatMap { Double(fields[$0]) } }
            let train = PerformanceMetrics { key in key == objective.rawValue ? number(objectiveColumn) : number(columns[key]) }
            let hasValidation = columns["validation_trades"].map { !fields[$0].isEmpty } ?? false  // trades is never undefined
            let validation = hasValidation
                ? PerformanceMetrics { key in key == objective.rawValue ? number(validationObjective) : number(columns["validation_" + key]) } : nil
            return Row(values: axes.indices.map { fields[1 + $0] }, train: train, validation: validation)
        }
        guard rows.count == axes.reduce(1, { $0 * $1.values.count }) else {
            throw ArtifactError.unreadable("results.csv: \(rows.count) rows for a grid of \(axes.map { String($0.values.count) }.joined(separator: " x ")) combinations")
        }
        return SweepOutcome(experiment: experiment, plan: plan, grid: ParameterGrid(axes: axes), rows: rows)
    }

    /// The headline: objective, combinations, best, sharp_peak, stable_count (in `--json`
    /// and in a validation run's validation.json).
    public var summary: [String: CanonicalValue] {
        guard case .map(let doc) = document else { return [:] }
        return doc.filter { ["objective", "combinations", "best", "sharp_peak"].contains($0.key) }
            .merging(["stable_count": .int(sensitivity.stable.count)]) { a, _ in a }
    }

    /// The one JSON object `--json` prints.
    public var json: CanonicalValue {
        .map(summary.merging(["run_dir": .string(runDirectory), "experiment": .string(experiment)]) { a, _ in a })
    }
}
