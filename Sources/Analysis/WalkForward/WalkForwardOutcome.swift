import Engine
import Foundation
import Model

/// What `walk-forward` produced: per fold its windows, the parameters chosen on train and
/// the train and test metrics; the stitched out-of-sample equity; and the summary numbers.
public struct WalkForwardOutcome: Sendable {
    public struct Fold: Sendable {
        public var train: ClosedRange<Int64>
        public var test: ClosedRange<Int64>
        public var values: [String]
        public var trainMetrics: PerformanceMetrics
        public var testMetrics: PerformanceMetrics
        public var testResult: BacktestResult

        public init(train: ClosedRange<Int64>, test: ClosedRange<Int64>, values: [String], trainMetrics: PerformanceMetrics,
                    testMetrics: PerformanceMetrics, testResult: BacktestResult) {
            (self.train, self.test, self.values, self.trainMetrics, self.testMetrics) = (train, test, values, trainMetrics, testMetrics)
            self.testResult = testResult
        }
    }

    /// Where it was written, relative to the repository root ("" until recorded).
    public var runDirectory = ""
    public var experiment: String
    public var plan: WalkForwardPlan
    public var objective: SweepObjective
    /// Each test window starts with this much.
    public var capital: Double
    public var grid: ParameterGrid
    public var folds: [Fold]
    /// (time, equity) of the test windows chained: each starts where the last ended.
    public var stitched: [(Int64, Double)]

    public init(experiment: String, plan: WalkForwardPlan, objective: SweepObjective, capital: Double, grid: ParameterGrid,
                folds: [Fold], stitched: [(Int64, Double)]) {
        (self.experiment, self.plan, self.objective, self.capital, self.grid) = (experiment, plan, objective, capital, grid)
        (self.folds, self.stitched) = (folds, stitched)
    }

    /// Out-of-sample CAGR of the stitched curve over the mean in-sample CAGR of the chosen
    /// parameters; nil when either is undefined or the in-sample mean is 0.
    public var efficiency: Double? {
        let inSample = folds.compactMap(\.trainMetrics.cagr)
        guard inSample.count == folds.count, let oos = stitchedCAGR else { return nil }
        let mean = inSample.reduce(0, +) / Double(inSample.count)
        return mean == 0 ? nil : oos / mean
    }

    public var stitchedReturn: Double? {
        guard let last = stitched.last else { return nil }
        return last.1 / capital - 1
    }

    public var stitchedCAGR: Double? {
        guard let first = folds.first?.test.lowerBound, let last = stitched.last, last.0 > first, last.1 > 0 else { return nil }
        let years = Double(last.0 - first) / (365.25 * 86_400_000)
        return pow(last.1 / capital, 1 / years) - 1
    }

    public var profitableShare: Double { Double(folds.filter { $0.testMetrics.totalReturn > 0 }.count) / Double(max(folds.count, 1)) }

    /// Sample standard deviation of the folds' test Sharpe ratios (those defined).
    public var sharpeDispersion: Double? {
        let s = folds.compactMap(\.testMetrics.sharpe)
        guard s.count > 1 else { return nil }
        let mean = s.reduce(0, +) / Double(s.count)
        return (s.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(s.count - 1)).squareRoot()
    }

    public func foldValue(_ f: Fold) -> CanonicalValue {
        .map([
            "train": .list([.string(Timestamp(milliseconds: f.train.lowerBound).description), .string(Timestamp(milliseconds: f.train.upperBound).description)]),
            "test": .list([.string(Timestamp(milliseconds: f.test.lowerBound).description), .string(Timestamp(milliseconds: f.test.upperBound).description)]),
            "params": .map(Dictionary(uniqueKeysWithValues: zip(grid.axes.map(\.key), f.values.map { CanonicalValue.string($0) }))),
            "train_metrics": f.trainMetrics.canonical,
            "test_metrics": f.testMetrics.canonical,
        ])
    }

    public var summary: CanonicalValue {
        .map([
            "folds": .int(folds.count),
            "mode": .string(plan.mode.rawValue),
            "train_ratio": .number(plan.trainRatio),
            "objective": .string(objective.rawValue),
            "out_of_sample_return": .optional(stitchedReturn),
            "out_of_sample_cagr": .optional(stitchedCAGR),
            "walk_forward_efficiency": .optional(efficiency),
            "profitable_folds": .number(profitableShare),
            "test_sharpe_dispersion": .optional(sharpeDispersion),
        ])
    }

    /// walk_forward.json (deterministic).
    public var document: CanonicalValue {
        .map([
            "summary": summary,
            "folds": .list(folds.map(foldValue)),
            "conventions": Conventions.document("walk_forward"),
        ])
    }

    public var stitchedCSV: String {
        "timestamp,equity\n" + stitched.map { "\(Timestamp(milliseconds: $0.0)),\(CanonicalValue.format($0.1))" }.joined(separator: "\n") + "\n"
    }

    public var json: CanonicalValue {
        .map(["run_dir": .string(runDirectory), "experiment": .string(experiment), "summary": summary, "folds": .list(folds.map(foldValue))])
    }
}
