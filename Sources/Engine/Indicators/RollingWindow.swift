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

    /// Adds `x` without keeping the running sum (a reader that sums exactly itself, as `SMA`
    /// does on a decimal grid); `resumeSum()` brings the sum back before `total` is read.
    /// Returns the value that fell out of the window, if one did.
    @inline(__always)
    public mutating func pushWithoutSum(_ x: Double) -> Double? {
        var evicted: Double?
        if count == capacity { evicted = buffer[head] } else { count += 1 }
        buffer[head] = x
        head += 1
        if head == capacity { head = 0 }
        return evicted
    }

    /// Recomputes the running sum from the window, after `pushWithoutSum`.
    public mutating func resumeSum() { resync() }

    private mutating func resync() {
        sum = CompensatedSum()
        sinceResync = 0
        // Oldest to newest, the order a straight sum over the window would use.
        for k in stride(from: count - 1, through: 0, by: -1) { sum.add(self[back: k]) }
    }
}
