/// Everything the store keeps of one run, its children included: what indexing a run
/// folder produces and what one transaction writes.
public struct IndexedRun: Sendable, Equatable {
    public var run: RunRecord
    public var params: [ParamRecord] = []
    public var metrics: [MetricRecord] = []
    public var trades: [TradeRecord] = []
    public var datasets: [DatasetRecord] = []
    public var artifacts: [ArtifactRecord] = []
    public var tags: [TagRecord] = []
    public var children: [IndexedRun] = []

    public init(run: RunRecord) { self.run = run }

    /// This run and its children, depth first.
    public var all: [IndexedRun] { [self] + children.flatMap(\.all) }
}

/// A run as `runs list` shows it: the row with its parameters, full-period metrics and tags.
public struct ListedRun: Sendable {
    public var run: RunRecord
    public var params: [(String, String)]
    public var metrics: [(String, Double?)]
    public var tags: [(String, String)]

    public init(run: RunRecord, params: [(String, String)], metrics: [(String, Double?)], tags: [(String, String)]) {
        (self.run, self.params, self.metrics, self.tags) = (run, params, metrics, tags)
    }
}

/// Why the store could not do what was asked.
public struct StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
