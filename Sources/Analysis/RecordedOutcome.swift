/// What a finished study hands back: it knows the run folder it was written to.
public protocol RecordedOutcome: Sendable {
    /// What the results store calls this kind of run: run, validate, sweep, walk-forward.
    static var kind: String { get }

    /// Relative to the repository root; "" until the run is recorded.
    var runDirectory: String { get set }
}

extension SweepOutcome: RecordedOutcome { public static var kind: String { "sweep" } }
extension WalkForwardOutcome: RecordedOutcome { public static var kind: String { "walk-forward" } }
extension ValidationOutcome: RecordedOutcome { public static var kind: String { "validate" } }
