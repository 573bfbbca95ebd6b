import Foundation

/// `String(format: "%.Nf", x)` without Foundation's formatter: a chart draws thousands of
/// coordinates, and `String(format:)` cost about 1.5 µs each (10 ms of a year's tearsheet).
///
/// printf rounds the exact binary value to N decimals, an exact tie to the even digit. Here
/// k = x · 10ᴺ is found by truncation and then checked with fused multiply-adds, whose one
/// rounding keeps the sign of x · 10ᴺ − c exact (c a whole or half number): so the floor and
/// the tie are decided on the exact product, as printf decides them. Values too large for
/// that (|x| · 10ᴺ ≥ 2⁵²), and NaN and infinities, go through `String(format:)`.
public enum FixedDecimal {
    private static let powers: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]
    private static let limit = 4_503_599_627_370_496.0  // 2^52: k and k + 0.5 are exact below it

    /// `x` with `decimals` (0...6) digits after the point, as `String(format: "%.<decimals>f", x)`.
    public static func string(_ x: Double, decimals: Int) -> String {
        precondition((0...6).contains(decimals), "FixedDecimal writes 0 to 6 decimals")
        let scale = powers[decimals], a = abs(x)
        guard x.isFinite, a * scale < limit / 2 else { return String(format: "%.\(decimals)f", x) }
        var k = (a * scale).rounded(.down)
        if (-k).addingProduct(a, scale) < 0 { k -= 1 } else if (-(k + 1)).addingProduct(a, scale) >= 0 { k += 1 }
        let aboveHalf = (-(k + 0.5)).addingProduct(a, scale)
        if aboveHalf > 0 || (aboveHalf == 0 && k.truncatingRemainder(dividingBy: 2) == 1) { k += 1 }
        let n = UInt64(k), unit = UInt64(scale)
        var text = x.sign == .minus ? "-" : ""
        text += String(n / unit)
        guard decimals > 0 else { return text }
        let fraction = String(n % unit)
        return text + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}
