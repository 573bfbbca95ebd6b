/// Neumaier's compensated sum: the error stays a few ulps of the total over any count.
public struct CompensatedSum: Sendable {
    private var sum = 0.0, compensation = 0.0
    public init() {}
    public var value: Double { sum + compensation }
    @inline(__always)
    public mutating func add(_ x: Double) {
        let t = sum + x
        if abs(sum) >= abs(x) { compensation += (sum - t) + x } else { compensation += (x - t) + sum }
        sum = t
    }
}
