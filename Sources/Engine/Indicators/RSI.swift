/// Relative strength index (Wilder). Ready after `period` price changes, i.e. `period + 1`
/// values. With no losses in the window it is 100; with no moves at all, 50.
///
/// - Complexity: O(1) per update.
public struct RSI: Sendable {
    private var gains: EMA
    private var losses: EMA
    private var previous = Double.nan

    public init(period: Int) {
        gains = .wilder(period: period)
        losses = .wilder(period: period)
    }

    public var isReady: Bool { gains.isReady }

    public var value: Double {
        guard isReady else { return .nan }
        let g = gains.value, l = losses.value
        if l == 0 { return g == 0 ? 50 : 100 }
        return 100 - 100 / (1 + g / l)
    }

    public mutating func update(_ x: Double) {
        defer { previous = x }
        guard !previous.isNaN else { return }
        let change = x - previous
        gains.update(max(change, 0))
        losses.update(max(-change, 0))
    }
}
