/// Detects when one series crosses another, with a fixed rule for exact ties.
///
/// Tie rule: a bar where `fast == slow` (common on tick-rounded prices) is neither above nor
/// below and does not change the state. A cross is reported on the first bar that is
/// strictly on the other side of the last strict side: `below, tie, above` crosses up on the
/// third bar; `below, tie, below` does not cross. The first strict side seen sets the state
/// without a cross.
public struct Crossover: Sendable {
    public enum Signal: Sendable, Equatable { case none, up, down }
    public enum State: Sendable, Equatable { case unknown, above, below }

    public private(set) var state: State = .unknown

    public init() {}

    @discardableResult @inline(__always)
    public mutating func update(fast: Double, slow: Double) -> Signal {
        let now: State
        if fast > slow { now = .above } else if fast < slow { now = .below } else { return .none }
        defer { state = now }
        switch (state, now) {
        case (.below, .above): return .up
        case (.above, .below): return .down
        default: return .none
        }
    }
}
