/// Simple moving average over the last `period` values, O(1) per update.
///
/// Prices on a decimal grid (ticks of 10⁻ᵏ, k ≤ 8: 16335.47, 0.00012345) are summed exactly,
/// as whole ticks, and the mean is one correctly rounded division, so two averages that are
/// mathematically equal are equal as Doubles: a fast and a slow average that tie do not
/// cross one bar early on floating-point dust. A value is on the grid when value · 10ᵏ is
/// within a millionth of a tick of a whole number (a price parsed from text always is).
/// The grid is the coarsest one every value so far fits, the same for every average fed
/// the same prices. A value off every grid, or a sum too large to stay exact, falls back
/// for good to a window of Doubles with a compensated sum (a few ulps from the exact mean).
///
/// Speed: while exact, the window is a ring of whole ticks, so the value leaving it needs no
/// conversion, and the divisor n · 10ᵏ is kept, not recomputed: an update is an add, a
/// subtract, a ring write and one division. The Double window exists only after the fallback.
///
/// - Complexity: O(1) per update; no allocation after init, except once, at the fallback.
public struct SMA: Sendable {
    public let period: Int
    /// The window in ticks of 1 / `scale`, oldest at `head` once full; used while `exact`.
    private var ring: [Int64]
    private var head = 0
    private var count = 0
    /// Σ of `ring`; below 2^53, so it converts to Double exactly.
    private var ticks: Int64 = 0
    /// 10^decimals, the finest grid a value so far needed.
    private var scale = 1.0
    private var decimals = 0
    /// count · scale: a whole number below 2^53, so the mean is one correctly rounded division.
    private var divisor = 0.0
    /// Set once exactness is lost: the window of Doubles with its compensated sum. `exact`
    /// says so in one byte beside the hot fields (testing the optional reads its storage).
    private var fallback: RollingWindow?
    private var exact = true
    /// The average, computed once per update (strategies read it several times a bar).
    private var mean = Double.nan

    private static let powers: [Double] = (0...8).map { k in (0..<k).reduce(1.0) { acc, _ in acc * 10 } }
    /// Sums below 2^53 convert to Double exactly.
    private static let exactLimit: Int64 = 1 << 53

    public init(period: Int) {
        precondition(period > 0, "SMA period must be positive")
        self.period = period
        ring = [Int64](repeating: 0, count: period)
    }

    public var isReady: Bool { count == period }

    /// The average of the values seen so far while warming up, then of the last `period`.
    public var value: Double { mean }

    @inline(__always)
    public mutating func update(_ x: Double) {
        guard exact, let t = onCurrentGrid(x) else { return updateOffGrid(x) }
        add(t, x)
    }

    /// Two averages fed the same values: `x` converted to ticks once for both while they
    /// count on the same grid (the common case: the grid is set by the values alone), as
    /// `a.update(x); b.update(x)` would, value for value.
    @inline(__always)
    public static func update(_ a: inout SMA, _ b: inout SMA, with x: Double) {
        if a.exact && b.exact && a.decimals == b.decimals, let t = a.onCurrentGrid(x) {
            a.add(t, x)
            b.add(t, x)
        } else {
            a.update(x)
            b.update(x)
        }
    }

    /// Adds `t` ticks (the value `x`) to the exact window, or falls back when the sum
    /// would not stay exact.
    @inline(__always)
    private mutating func add(_ t: Int64, _ x: Double) {
        let evicted = count == period ? ring[head] : 0
        var sum = ticks.addingReportingOverflow(t)
        if !sum.overflow { sum = sum.partialValue.subtractingReportingOverflow(evicted) }
        guard !sum.overflow, sum.partialValue.magnitude < 9_007_199_254_740_992 else { return fallBack(adding: x) }
        ticks = sum.partialValue
        ring[head] = t
        head += 1
        if head == period { head = 0 }
        if count < period { count += 1; divisor = Double(count) * scale }
        mean = Double(ticks) / divisor
    }

    /// The cold paths, out of line so `update` inlines into a strategy's bar: after the
    /// fallback, or with `x` off the current grid (refined, or the fallback begins).
    @inline(never)
    private mutating func updateOffGrid(_ x: Double) {
        if exact {
            guard let t = refine(x) else { return fallBack(adding: x) }
            return add(t, x)
        }
        fallback!.push(x)
        if count < period { count += 1 }
        mean = fallback!.total / Double(count)
    }

    /// `x` in ticks of the current grid; nil when it needs a finer one (or none holds it).
    @inline(__always)
    private func onCurrentGrid(_ x: Double) -> Int64? {
        // The common case: `x` is on the current grid. x · scale lands within a millionth
        // of a tick of a whole number exactly when x is the Double nearest to a tick
        // (below 2^32 ticks, where a Double resolves far finer than that): no division.
        let product = x * scale
        guard abs(product) < 4_294_967_296 else { return nil }
        // The nearest whole number, exactly, without a checked conversion: adding 1.5 · 2⁵²
        // leaves it in the low bits of the sum (ties go to even, where the check below
        // refuses them anyway: they are half a tick off the grid).
        let shifted = product + Self.roundingShift
        guard abs(product - (shifted - Self.roundingShift)) <= 1e-6 else { return nil }
        return Int64(bitPattern: shifted.bitPattern &- Self.roundingShift.bitPattern)
    }

    private static let roundingShift = 6_755_399_441_055_744.0  // 1.5 · 2^52

    /// `x` in ticks of the coarsest finer grid that holds it, the window and its sum moved
    /// to that grid; nil when no grid up to 10^-8 holds it or the sum would not stay exact.
    private mutating func refine(_ x: Double) -> Int64? {
        guard decimals < 8 else { return nil }
        for k in (decimals + 1)...8 {
            let p = Self.powers[k], scaled = (x * p).rounded()
            guard abs(scaled) < 9e15, scaled / p == x else { continue }
            let factor = Int64(Self.powers[k - decimals])
            let refined = ticks.multipliedReportingOverflow(by: factor)
            guard !refined.overflow, refined.partialValue.magnitude < Self.exactLimit.magnitude else { return nil }
            // Each value of the window is at most the sum's magnitude times the window
            // length on one side, so it may overflow where the sum does not: check each.
            var moved = ring
            for i in 0..<count {
                let m = moved[i].multipliedReportingOverflow(by: factor)
                guard !m.overflow else { return nil }
                moved[i] = m.partialValue
            }
            (ring, ticks, decimals, scale) = (moved, refined.partialValue, k, p)
            divisor = Double(count) * scale
            return Int64(scaled)
        }
        return nil
    }

    /// Leaves the exact path for good: the window's values (each the Double nearest its
    /// tick, so ticks / scale gives it back exactly) and `x` go into a `RollingWindow`,
    /// oldest first, whose sum is computed from them in that order.
    private mutating func fallBack(adding x: Double) {
        let kept = count == period ? period - 1 : count  // the oldest leaves a full window
        let oldest = count == period ? head + 1 : 0
        var values: [Double] = []
        values.reserveCapacity(kept + 1)
        for k in 0..<kept { values.append(Double(ring[(oldest + k) % period]) / scale) }
        values.append(x)
        let window = RollingWindow(capacity: period, values: values)
        fallback = window
        exact = false
        count = values.count
        mean = window.total / Double(count)
    }
}
