/// Simple moving average over the last `period` values, O(1) per update.
///
/// Prices on a decimal grid (ticks of 10⁻ᵏ, k ≤ 8: 16335.47, 0.00012345) are summed exactly,
/// as whole ticks, so two averages that are mathematically equal are equal as Doubles: a
/// fast and a slow average that tie do not cross one bar early on floating-point dust. The
/// grid is the finest one any value so far needed, the same for every average fed the
/// same prices. A value off every grid, or a sum too large to stay exact in a Double,
/// falls back for good to the window's compensated sum (a few ulps from the exact mean).
///
/// - Complexity: O(1) per update, no allocation after init.
public struct SMA: Sendable {
    public let period: Int
    private var window: RollingWindow
    /// Σ of the window in ticks of 10^-decimals; meaningful while `exact`.
    private var ticks: Int64 = 0
    private var decimals = 0
    private var exact = true

    private static let powers: [Double] = (0...8).map { k in (0..<k).reduce(1.0) { acc, _ in acc * 10 } }
    /// Sums below 2^53 convert to Double exactly.
    private static let exactLimit: Int64 = 1 << 53

    public init(period: Int) {
        precondition(period > 0, "SMA period must be positive")
        self.period = period
        window = RollingWindow(capacity: period)
    }

    public var isReady: Bool { window.isFull }

    /// The average of the values seen so far while warming up, then of the last `period`.
    public var value: Double {
        guard window.count > 0 else { return .nan }
        guard exact else { return window.total / Double(window.count) }
        return Double(ticks) / Double(window.count) / Self.powers[decimals]
    }

    public mutating func update(_ x: Double) {
        let evicted = window.push(x)
        guard exact else { return }
        guard let t = onGrid(x) else { exact = false; return }
        var sum = ticks.addingReportingOverflow(t)
        if let old = evicted { sum = sum.partialValue.subtractingReportingOverflow(Int64((old * Self.powers[decimals]).rounded())) }
        if sum.overflow || sum.partialValue.magnitude >= Self.exactLimit.magnitude { exact = false; return }
        ticks = sum.partialValue
    }

    /// `x` in ticks of the current grid, refining the grid (and the sum) when `x` needs it;
    /// nil when no grid up to 10^-8 holds it exactly or the refined sum would not stay exact.
    private mutating func onGrid(_ x: Double) -> Int64? {
        for k in decimals...8 {
            let scaled = (x * Self.powers[k]).rounded()
            guard abs(scaled) < Double(Self.exactLimit), scaled / Self.powers[k] == x else { continue }
            if k > decimals {
                let factor = Int64(Self.powers[k - decimals])
                let refined = ticks.multipliedReportingOverflow(by: factor)
                guard !refined.overflow, refined.partialValue.magnitude < Self.exactLimit.magnitude else { return nil }
                (ticks, decimals) = (refined.partialValue, k)
            }
            return Int64(scaled)
        }
        return nil
    }
}
