/// Parses decimal numbers straight from bytes.
///
/// Plain decimals of up to 19 significant digits with a small exponent (nearly every
/// price and volume) take Clinger's exact fast path: the integer mantissa and a power of ten
/// are both exactly representable, so one multiply or divide is correctly rounded. Anything
/// else falls back to the standard library's correctly rounded `Double(String)`.
enum FastNumberParser {
    /// 10^e for 0 ≤ e ≤ 22, all exact doubles; a tuple, not a lazily initialised array, so
    /// the per-field path has no once-check and no bounds check.
    @inline(__always)
    private static func powerOfTen(_ e: Int) -> Double {
        var table = (1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
                     1e17, 1e18, 1e19, 1e20, 1e21, 1e22)
        return withUnsafeBytes(of: &table) { $0.load(fromByteOffset: e * 8, as: Double.self) }
    }

    enum Result { case number(Double), missing, invalid }

    @inline(__always)
    static func parse(_ p: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Result {
        var i = start, e = end
        while i < e && (p[i] == 32 || p[i] == 34) { i += 1 }  // spaces, quotes
        while e > i && (p[e - 1] == 32 || p[e - 1] == 34 || p[e - 1] == 13) { e -= 1 }
        if i == e { return .missing }
        var negative = false
        if p[i] == 45 { negative = true; i += 1 } else if p[i] == 43 { i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0, exponent = 0, sawDigit = false
        while i < e, p[i] &- 48 < 10 {
            if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(p[i] &- 48); if mantissa > 0 { digits += 1 } } else { exponent += 1 }
            sawDigit = true
            i += 1
        }
        if i < e && p[i] == 46 {
            i += 1
            while i < e, p[i] &- 48 < 10 {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(p[i] &- 48); if mantissa > 0 { digits += 1 }; exponent -= 1 }
                sawDigit = true
                i += 1
            }
        }
        if i == e && sawDigit && mantissa < (1 << 53) && exponent >= -22 && exponent <= 22 {
            var v = Double(mantissa)
            v = exponent < 0 ? v / powerOfTen(-exponent) : v * powerOfTen(exponent)
            return .number(negative ? -v : v)
        }
        // Exponents, long mantissas, nan/inf words: the slow, exact path.
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: p[start..<end]), as: UTF8.self)
            .trimmingSpacesAndQuotes()
        if text.lowercased() == "nan" || text.lowercased() == "null" || text.lowercased() == "na" { return .missing }
        guard let v = Double(text), v.isFinite else { return .invalid }
        return .number(v)
    }
}

extension String {
    func trimmingSpacesAndQuotes() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\"" || f == "\r" || f == "\u{FEFF}" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\"" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
