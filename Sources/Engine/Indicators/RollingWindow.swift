/// A fixed-size ring buffer of the last `capacity` values with a compensated running sum.
///
/// The sum uses Neumaier's compensated summation for every add and remove, and is
/// recomputed exactly from the buffer every `resyncInterval` updates, so that over a year of
/// minute bars it never drifts from the straight sum (the error is bounded by a few ulps of
/// a window's sum, whatever the series length).
///
/// - Complexity: O(1) amortized per update; storage allocated once, at init.
public struct RollingWindow: Sendable {
    public let capacity: Int
    private var buffer: [Double]
    private var head = 0
    public private(set) var count = 0
    private var sum = CompensatedSum()
    private var sinceResync = 0
    private let resyncInterval: Int

    public init(capacity: Int) {
        precondition(capacity > 0, "RollingWindow capacity must be positive")
        self.capacity = capacity
        buffer = [Double](repeating: 0, count: capacity)
        resyncInterval = max(capacity, 4096)
    }

    public var isFull: Bool { count == capacity }
    public var total: Double { sum.value }

    /// The value `back` updates ago (0 = latest).
    public subscript(back back: Int) -> Double {
        precondition(back < count, "RollingWindow index out of range")
        var i = head - 1 - back
        if i < 0 { i += capacity }
        return buffer[i]
    }

    /// Adds `x`; returns the value that fell out of the window, if one did.
    @discardableResult
    public mutating func push(_ x: Double) -> Double? {
        var evicted: Double?
        if count == capacity {
            let old = buffer[head]
            evicted = old
            sum.add(-old)
        } else {
            count += 1
        }
        buffer[head] = x
        head += 1
        if head == capacity { head = 0 }
        sum.add(x)
        sinceResync += 1
        if sinceResync >= resyncInterval { resync() }
        return evicted
    }

    /// A window holding `values` (oldest first, at most `capacity`), its sum computed from them.
    public init(capacity: Int, values: [Double]) {
        precondition(values.count <= capacity, "RollingWindow given more values than its capacity")
        self.init(capacity: capacity)
        for (i, v) in values.enumerated() { buffer[i] = v }
        count = values.count
        head = count == capacity ? 0 : count
        resync()
    }

    private mutating func resync() {
        sum = CompensatedSum()
        sinceResync = 0
        // Oldest to newest, the order a straight sum over the window would use.
        for k in stride(from: count - 1, through: 0, by: -1) { sum.add(self[back: k]) }
    }
}
