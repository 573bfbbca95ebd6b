import Foundation

/// Number formats for reports (not for artifacts, which use the shortest round-trip form).
enum Format {
    /// Four significant digits: 0.01, 6.177e-07, 1234, 1e-09.
    static func short(_ x: Double) -> String {
        if x == 0 { return "0" }
        if !x.isFinite { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
        return String(format: "%.4g", x)
    }

    /// For values shown side by side (metrics, equity): whole numbers in full, others to
    /// six significant digits: 525600, 127548.12, 0.275511.
    static func value(_ x: Double) -> String {
        if !x.isFinite { return short(x) }
        if x == x.rounded() && abs(x) < 1e12 { return String(Int64(x)) }
        if abs(x) >= 1e4 && abs(x) < 1e12 { return String(format: "%.2f", x) }
        return String(format: "%.6g", x)
    }

    /// A signed percentage with two decimals: +1.25%.
    static func percent(_ x: Double) -> String {
        guard x.isFinite else { return Format.short(x) }
        return String(format: "%+.2f%%", x * 100)
    }
}
