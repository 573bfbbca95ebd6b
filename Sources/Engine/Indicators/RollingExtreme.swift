/// The highest (or lowest) of the last `period` values, with a monotonic deque.
///
/// - Complexity: O(1) amortized per update; the deque is a ring of `period` slots allocated
///   once.
public struct RollingExtreme: Sendable {
    public enum Kind: Sendable { case highest, lowest }

    public let period: Int
    public let kind: Kind
    private var values: [Double]
    private var indices: [Int]
    private var front = 0
    private var size = 0
    private var seen = 0

    public init(period: Int, kind: Kind) {
        precondition(period > 0, "period must be positive")
        (self.period, self.kind) = (period, kind)
        values = [Double](repeating: 0, count: period)
        indices = [Int](repeating: 0, count: period)
    }

    public var isReady: Bool { seen >= period }
    public var value: Double { size == 0 ? .nan : values[front] }

    @inline(__always)
    private func dominates(_ a: Double, _ b: Double) -> Bool { kind == .highest ? a >= b : a <= b }

    public mutating func update(_ x: Double) {
        // Drop the front if it left the window.
        if size > 0 && indices[front] <= seen - period {
            front = (front + 1) % period
            size -= 1
        }
        // Drop from the back everything the new value dominates.
        while size > 0 {
            let back = (front + size - 1) % period
            guard dominates(x, values[back]) else { break }
            size -= 1
        }
        let slot = (front + size) % period
        values[slot] = x
        indices[slot] = seen
        size += 1
        seen += 1
    }
}
