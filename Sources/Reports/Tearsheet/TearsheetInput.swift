import Model

/// Everything a plain run's tearsheet shows, as the run's files hold it: metrics.json,
/// breakdowns.json, trades.csv's returns, provenance.json. The run builds it from the
/// values it is writing, `quantbt report` from the files; the two pages are the same.
public struct TearsheetInput: Sendable {
    public var experiment: String
    public var runID: String
    /// metrics.json.
    public var metrics: CanonicalValue
    /// breakdowns.json.
    public var breakdowns: CanonicalValue
    /// trades.csv's `return` and `bars` columns, in file order.
    public var tradeReturns: [Double]
    public var tradeBars: [Int]
    /// provenance.json; nil when the folder has none.
    public var provenance: CanonicalValue?

    public init(experiment: String, runID: String, metrics: CanonicalValue, breakdowns: CanonicalValue, tradeReturns: [Double],
                tradeBars: [Int], provenance: CanonicalValue?) {
        (self.experiment, self.runID, self.metrics, self.breakdowns) = (experiment, runID, metrics, breakdowns)
        (self.tradeReturns, self.tradeBars, self.provenance) = (tradeReturns, tradeBars, provenance)
    }
}
