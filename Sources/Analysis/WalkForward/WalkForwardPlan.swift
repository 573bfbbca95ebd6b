/// The `walk_forward:` section: how many folds, rolling or anchored, and the train share.
public struct WalkForwardPlan: Sendable, Equatable {
    public enum Mode: String, Sendable, CaseIterable { case rolling, anchored }
    public var folds = 6
    public var mode = Mode.rolling
    /// Each fold's train window over (train + test).
    public var trainRatio = 0.75

    public init() {}
}
