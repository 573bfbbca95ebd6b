/// What a finished study hands back: it knows the run folder it was written to.
public protocol RecordedOutcome: Sendable {
    /// Relative to the repository root; "" until the run is recorded.
    var runDirectory: String { get set }
}

extension SweepOutcome: RecordedOutcome {}
extension WalkForwardOutcome: RecordedOutcome {}
extension ValidationOutcome: RecordedOutcome {}
