/// Simple moving average over the last `period` values, O(1) per update.
///
/// Prices on a decimal grid (ticks of 10⁻ᵏ, k ≤ 8: 16335.47, 0.00012345) are summed exactly,
/// as whole ticks, and the mean is one correctly rounded division, so two averages that are
/// mathematically equal are equal as Doubles: a fast and a slow average that tie do not
/// cross one bar early on floating-point dust. A value is on the grid when value · 10ᵏ is
/// within a millionth of a tick of a whole number (a price parsed from text always is).
/// The grid is the coarsest one every value so far fits, the same for every average fed
/// the same prices. A value off every grid, or a sum too large to stay exact, falls back
/// for good to the window's compensated sum (a few ulps from the exact mean).
///
/// - Complexity: O(1) per update, no allocation after init.
public struct SMA: Sendable {
    public let period: Int
    private var window: RollingWindow
    /// Σ of the window in ticks of 1 / `scale`; meaningful while `exact`.
    private var ticks: Int64 = 0
    /// 10^decimals, the finest grid a value so far needed.
    private var scale = 1.0
    private var decimals = 0
    private var exact = true
    /// The average, computed once per update (strategies read it several times a bar).
    private var mean = Double.nan

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
    public var value: Double { mean }

    public mutating func update(_ x: Double) {
        if exact {
            // The window's compensated sum is only read once exactness is lost: it is not
            // kept meanwhile, and is recomputed from the window at that moment.
            let evicted = window.pushWithoutSum(x)
            exact = addExactly(x, evicted: evicted)
            if !exact { window.resumeSum() }
        } else {
            window.push(x)
        }
        let n = Double(window.count)
        // n · scale is a whole number below 2^53, so one correctly rounded division: the
        // exact mean, rounded once, and equal for equal means.
        mean = exact ? Double(ticks) / (n * scale) : window.total / n
    }

    /// Adds `x` (and removes `evicted`) in ticks; false when that cannot stay exact.
    @inline(__always)
    private mutating func addExactly(_ x: Double, evicted: Double?) -> Bool {
        // The common case: `x` is on the current grid. x · scale lands within a millionth
        // of a tick of a whole number exactly when x is the Double nearest to a tick
        // (below 2^32 ticks, where a Double resolves far finer than that): no division.
        var t: Int64
        let product = x * scale
        if abs(product) < 4_294_967_296, case let whole = Self.nearest(product), abs(product - Double(whole)) <= 1e-6 {
            t = whole
        } else {
            guard let refined = refine(x) else { return false }
            t = refined
        }
        var sum = ticks.addingReportingOverflow(t)
        if let old = evicted, !sum.overflow { sum = sum.partialValue.subtractingReportingOverflow(Self.nearest(old * scale)) }
        guard !sum.overflow, sum.partialValue.magnitude < 9_007_199_254_740_992 else { return false }
        ticks = sum.partialValue
        return true
    }

    /// The nearest whole number, by truncation (one instruction; `rounded()` calls libm).
    @inline(__always)
    private static func nearest(_ v: Double) -> Int64 { Int64(v + (v < 0 ? -0.5 : 0.5)) }

    /// `x` in ticks of the coarsest finer grid that holds it, the sum moved to that grid;
    /// nil when no grid up to 10^-8 holds it or the sum would not stay exact.
    private mutating func refine(_ x: Double) -> Int64? {
        guard decimals < 8 else { return nil }
        for k in (decimals + 1)...8 {
            let p = Self.powers[k], scaled = (x * p).rounded()
            guard abs(scaled) < 9e15, scaled / p == x else { continue }
            let refined = ticks.multipliedReportingOverflow(by: Int64(Self.powers[k - decimals]))
            guard !refined.overflow, refined.partialValue.magnitude < Self.exactLimit.magnitude else { return nil }
            (ticks, decimals, scale) = (refined.partialValue, k, p)
            return Int64(scaled)
        }
        return nil
    }
}
