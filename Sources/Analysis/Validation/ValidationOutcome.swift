import Engine
import Model

/// What `validate` produced: where, each scenario's result and metrics, and how often the
/// holdout has now been evaluated.
public struct ValidationOutcome: Sendable {
    public struct Entry: Sendable {
        public var scenario: ValidationScenario
        /// nil for a month scenario without such months.
        public var result: BacktestResult?
        public var metrics: PerformanceMetrics?
        /// The scenario's breakdowns.json (by symbol, period and tag, charts from every bar).
        public var breakdowns: CanonicalValue?

        public init(scenario: ValidationScenario, result: BacktestResult?, metrics: PerformanceMetrics?, breakdowns: CanonicalValue? = nil) {
            (self.scenario, self.result, self.metrics, self.breakdowns) = (scenario, result, metrics, breakdowns)
        }
    }

    /// Where it was written, relative to the repository root ("" until recorded).
    public var runDirectory = ""
    public var experiment: String
    public var entries: [Entry]
    /// Whether a holdout split is configured (and so this run looks at it).
    public var evaluatesHoldout: Bool
    /// Times the holdout has been evaluated, this run included.
    public var holdoutEvaluations: Int
    /// With a sweep grid: the sweep on train and the walk-forward folds.
    public var sweep: SweepOutcome?
    public var walkForward: WalkForwardOutcome?

    public init(experiment: String, entries: [Entry], evaluatesHoldout: Bool, holdoutEvaluations: Int,
                sweep: SweepOutcome?, walkForward: WalkForwardOutcome?) {
        (self.experiment, self.entries, self.evaluatesHoldout) = (experiment, entries, evaluatesHoldout)
        (self.holdoutEvaluations, self.sweep, self.walkForward) = (holdoutEvaluations, sweep, walkForward)
    }

    public var baseline: Entry { entries[0] }
    public var splits: [Entry] { entries.filter { $0.scenario.kind == .split } }
    public var stress: [Entry] { entries.filter { $0.scenario.kind == .stress } }

    /// validation.json: the split table with degradation against train, the stress table
    /// against the baseline, each scenario's facts, and the scenarios in the order they were
    /// configured with their folders (what the report is built from). Deterministic (no run
    /// id, no count).
    public var document: CanonicalValue {
        func metrics(_ e: Entry) -> CanonicalValue { e.metrics?.canonical ?? .null }
        func against(_ reference: PerformanceMetrics?, _ m: PerformanceMetrics?) -> CanonicalValue {
            .map(Dictionary(uniqueKeysWithValues: Degradation.compared.map { key, value in
                let d = Degradation(reference: reference.flatMap(value), value: m.flatMap(value))
                return (key, CanonicalValue.map(["reference": .optional(d.reference), "value": .optional(d.value),
                                                 "delta": .optional(d.delta), "relative": .optional(d.relative)]))
            }))
        }
        let train = splits.first { $0.scenario.name == "train" }?.metrics
        var degradation: [String: CanonicalValue] = [:]
        for s in splits where s.scenario.name != "train" { degradation["\(s.scenario.name)_vs_train"] = against(train, s.metrics) }
        return .map([
            "baseline": metrics(baseline),
            "splits": .map(Dictionary(uniqueKeysWithValues: splits.map { ($0.scenario.name, .map(["metrics": metrics($0), "window": .map($0.scenario.facts)])) })),
            "degradation": .map(degradation),
            "stress": .map(Dictionary(uniqueKeysWithValues: stress.map { e in
                (e.scenario.name, CanonicalValue.map(["summary": .string(e.scenario.summary), "metrics": metrics(e),
                                                      "vs_baseline": e.metrics == nil ? .null : against(baseline.metrics, e.metrics),
                                                      "facts": .map(e.scenario.facts)]))
            })),
            "sweep": sweep.map { .map($0.summary) } ?? .null,
            "walk_forward": walkForward?.summary ?? .null,
            "scenarios": .list(entries.map { e in
                .map(["name": .string(e.scenario.name), "kind": .string(e.scenario.kind.rawValue), "folder": .string(e.scenario.folder),
                      "summary": .string(e.scenario.summary), "full_period": .bool(e.scenario.spans == nil), "ran": .bool(e.result != nil)])
            }),
            "conventions": Conventions.document("validation"),
        ])
    }

    /// The one JSON object `--json` prints.
    public var json: CanonicalValue {
        .map([
            "run_dir": .string(runDirectory),
            "experiment": .string(experiment),
            "holdout_evaluations": .int(holdoutEvaluations),
            "baseline": baseline.metrics?.canonical ?? .null,
            "splits": .map(Dictionary(uniqueKeysWithValues: splits.map { ($0.scenario.name, $0.metrics?.canonical ?? .null) })),
            "stress": .map(Dictionary(uniqueKeysWithValues: stress.map { ($0.scenario.name, $0.metrics?.canonical ?? .null) })),
            "walk_forward": walkForward.map { w in .map(["summary": w.summary, "folds": .list(w.folds.map(w.foldValue))]) } ?? .null,
        ])
    }
}
