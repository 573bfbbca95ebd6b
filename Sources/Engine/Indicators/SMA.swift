/// Simple moving average of the last `period` values.
///
/// - Complexity: O(1) per update, no allocation after init.
public struct SMA: Sendable {
    public let period: Int
    private var window: RollingWindow

    public init(period: Int) {
        precondition(period > 0, "SMA period must be positive")
        self.period = period
        window = RollingWindow(capacity: period)
    }

    public var isReady: Bool { window.isFull }
    /// The average of the values seen so far while warming up, then of the last `period`.
    public var value: Double { window.count == 0 ? .nan : window.total / Double(window.count) }

    public mutating func update(_ x: Double) { window.push(x) }
}
