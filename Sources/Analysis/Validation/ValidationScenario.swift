import Engine
import Model

/// One backtest of a validation run: which bars it reads, how the engine is set up, and
/// which of its timestamps its metrics cover.
public struct ValidationScenario: Sendable {
    public enum Kind: String, Sendable { case baseline, split, stress }

    public var kind: Kind
    /// `baseline`, `train`, `slippage-x2`, `bear-months`…: its folder and its row.
    public var name: String
    /// What it is, for the report.
    public var summary: String
    public var series: [BarSeries]
    public var config: BacktestConfig
    /// Time spans (inclusive) its metrics cover; nil: every bar it ran.
    public var spans: [ClosedRange<Int64>]?
    /// Scenario facts for validation.json (months, dates, multipliers).
    public var facts: [String: CanonicalValue] = [:]

    /// The folder its files go to inside the run.
    public var folder: String {
        switch kind {
        case .baseline: "baseline/"
        case .split: "splits/\(name)/"
        case .stress: "stress/\(name)/"
        }
    }

    /// A month scenario with no such month has nothing to run.
    public var isEmpty: Bool { spans?.isEmpty == true }

    /// Runs `strategy` (freshly built) on it and cuts the result down to `spans`.
    public func run<S: Strategy>(_ strategy: S) -> BacktestResult {
        var strategy = strategy
        let result = Backtest(series: series, config: config).run(&strategy)
        guard let spans else { return result }
        let ranges = spans.map { span in
            result.times.partitionPoint { $0 >= span.lowerBound }..<result.times.partitionPoint { $0 > span.upperBound }
        }
        var bars = 0
        for s in series {
            for span in spans {
                let lo = s.times.partitionPoint { $0 >= span.lowerBound }, hi = s.times.partitionPoint { $0 > span.upperBound }
                bars += hi - lo
            }
        }
        return result.restricted(to: ranges, barsProcessed: bars)
    }
}
