import Analysis
import Foundation
import Model

/// What `walk-forward` produced: per fold its windows, the parameters chosen on train and
/// the train and test metrics; the stitched out-of-sample equity; and the summary numbers.
public struct WalkForwardOutcome: Sendable {
    struct Fold: Sendable {
        var train: ClosedRange<Int64>
        var test: ClosedRange<Int64>
        var values: [String]
        var trainMetrics: PerformanceMetrics
        var testMetrics: PerformanceMetrics
        var testResult: BacktestResult
    }

    public var runDirectory: String
    public var config: ExperimentConfig
    var grid: ParameterGrid
    var folds: [Fold]
    /// (time, equity) of the test windows chained: each starts where the last ended.
    var stitched: [(Int64, Double)]

    var objective: String { config.sweep.objective }

    /// Out-of-sample CAGR of the stitched curve over the mean in-sample CAGR of the chosen
    /// parameters; nil when either is undefined or the in-sample mean is 0.
    var efficiency: Double? {
        let inSample = folds.compactMap(\.trainMetrics.cagr)
        guard inSample.count == folds.count, let oos = stitchedCAGR else { return nil }
        let mean = inSample.reduce(0, +) / Double(inSample.count)
        return mean == 0 ? nil : oos / mean
    }

    var stitchedReturn: Double? {
        guard let last = stitched.last else { return nil }
        return last.1 / config.backtest.capital - 1
    }

    var stitchedCAGR: Double? {
        guard let first = folds.first?.test.lowerBound, let last = stitched.last, last.0 > first, last.1 > 0 else { return nil }
        let years = Double(last.0 - first) / (365.25 * 86_400_000)
        return pow(last.1 / config.backtest.capital, 1 / years) - 1
    }

    var profitableShare: Double { Double(folds.filter { $0.testMetrics.totalReturn > 0 }.count) / Double(max(folds.count, 1)) }

    /// Sample standard deviation of the folds' test Sharpe ratios (those defined).
    var sharpeDispersion: Double? {
        let s = folds.compactMap(\.testMetrics.sharpe)
        guard s.count > 1 else { return nil }
        let mean = s.reduce(0, +) / Double(s.count)
        return (s.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(s.count - 1)).squareRoot()
    }

    func foldValue(_ f: Fold) -> CanonicalValue {
        .map([
            "train": .list([.string(Timestamp(milliseconds: f.train.lowerBound).description), .string(Timestamp(milliseconds: f.train.upperBound).description)]),
            "test": .list([.string(Timestamp(milliseconds: f.test.lowerBound).description), .string(Timestamp(milliseconds: f.test.upperBound).description)]),
            "params": .map(Dictionary(uniqueKeysWithValues: zip(grid.axes.map(\.key), f.values.map { CanonicalValue.string($0) }))),
            "train_metrics": f.trainMetrics.canonical,
            "test_metrics": f.testMetrics.canonical,
        ])
    }

    var summary: CanonicalValue {
        .map([
            "folds": .int(folds.count),
            "mode": .string(config.walkForward.mode.rawValue),
            "train_ratio": .number(config.walkForward.trainRatio),
            "objective": .string(objective),
            "out_of_sample_return": .optional(stitchedReturn),
            "out_of_sample_cagr": .optional(stitchedCAGR),
            "walk_forward_efficiency": .optional(efficiency),
            "profitable_folds": .number(profitableShare),
            "test_sharpe_dispersion": .optional(sharpeDispersion),
        ])
    }

    /// walk_forward.json (deterministic).
    var document: CanonicalValue {
        .map([
            "summary": summary,
            "folds": .list(folds.map(foldValue)),
            "conventions": .map([
                "windows": .string("test windows tile the timeline before the holdout back to back; rolling trains on the span just before each, anchored on everything before it"),
                "choice": .string("each fold runs the sweep grid on its train window and keeps the best by the objective; without a grid it runs the configured parameters"),
                "efficiency": .string("out-of-sample CAGR of the stitched test equity / mean in-sample CAGR of the chosen parameters"),
                "stitching": .string("each test window starts with the configured capital; the stitched curve chains their returns"),
            ]),
        ])
    }

    var stitchedCSV: String {
        "timestamp,equity\n" + stitched.map { "\(Timestamp(milliseconds: $0.0)),\(CanonicalValue.format($0.1))" }.joined(separator: "\n") + "\n"
    }

    public var json: CanonicalValue {
        .map(["run_dir": .string(runDirectory), "experiment": .string(config.name), "summary": summary, "folds": .list(folds.map(foldValue))])
    }
}
