import Foundation

/// Every number a person reads (reports, terminal tables, verify and diff text) is formatted
/// here. Artifacts never are: they use the shortest round-trip form (`CanonicalValue.format`).
/// An optional that is nil reads "n/a".
package enum NumberFormat {
    /// Four significant digits: 0.01, 6.177e-07, 1234, 1e-09.
    package static func short(_ x: Double) -> String {
        if x == 0 { return "0" }
        if !x.isFinite { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
        return String(format: "%.4g", x)
    }

    /// For values shown side by side (metrics, equity): whole numbers in full, others to
    /// six significant digits: 525600, 127548.12, 0.275511.
    package static func value(_ x: Double) -> String {
        if !x.isFinite { return short(x) }
        if x == x.rounded() && abs(x) < 1e12 { return String(Int64(x)) }
        if abs(x) >= 1e4 && abs(x) < 1e12 { return String(format: "%.2f", x) }
        return String(format: "%.6g", x)
    }

    /// A share of 1 as a percentage with two decimals: +1.25% (signed) or 1.25%.
    /// `spaced` puts a space before the sign (+1.25 %), as the run summary aligns it.
    package static func percent(_ x: Double?, signed: Bool = true, spaced: Bool = false) -> String {
        guard let x else { return "n/a" }
        guard x.isFinite else { return short(x) }
        return String(format: signed ? "%+.2f" : "%.2f", x * 100) + (spaced ? " %" : "%")
    }

    /// Two decimals: 1.23.
    package static func fixed(_ x: Double?) -> String { x.map { String(format: "%.2f", $0) } ?? "n/a" }

    /// Three decimals: 1.234.
    package static func precise(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "n/a" }

    /// A whole number: 12.
    package static func count(_ x: Double?) -> String { x.map { String(Int($0)) } ?? "n/a" }

    /// Digits in groups of three: 525,600.
    package static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = n < 0 ? "-" : ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// For names and labels: 2 → "2", 2.5 → "2.5".
    package static func plain(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x) }

    /// A share of 1 as a plain percentage for labels, to two decimals at most: 0.05 → "5%".
    package static func plainPercent(_ x: Double) -> String { plain((x * 10_000).rounded() / 100) + "%" }
}
