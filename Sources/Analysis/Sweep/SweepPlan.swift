/// The `sweep:` section: the grid and how its results are judged.
public struct SweepPlan: Sendable, Equatable {
    public var grid = ParameterGrid(axes: [])
    public var objective = SweepObjective.sharpe
    /// A neighbourhood is stable when every neighbour's objective is within this share of
    /// the best's.
    public var stableWithin = 0.1
    /// The best is a sharp peak when every neighbour falls more than this share below it.
    public var peakDrop = 0.3

    public init() {}
}
