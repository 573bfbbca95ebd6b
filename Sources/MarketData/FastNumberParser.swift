/// Parses decimal numbers straight from bytes.
///
/// Plain decimals of up to 19 digits (leading zeros count) and no exponent (nearly every
/// price and volume) take Clinger's exact fast path: the integer mantissa and a power of ten
/// are both exactly representable, so one multiply or divide is correctly rounded. Anything
/// else falls back to the standard library's correctly rounded `Double(String)`.
enum FastNumberParser {
    /// 10^e for 0 ≤ e ≤ 22, all exact doubles. A global array of literals is laid out
    /// statically (no lazy initialisation); a local tuple, as this was, is copied onto the
    /// stack on every call (184 bytes a field).
    private static let powersOfTen: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
                                                1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]

    @inline(__always)
    private static func powerOfTen(_ e: Int) -> Double { powersOfTen.withUnsafeBufferPointer { $0[e] } }

    enum Result { case number(Double), missing, invalid }

    @inline(__always)
    static func parse(_ p: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Result {
        var i = start, e = end
        while i < e && (p[i] == 32 || p[i] == 34) { i += 1 }  // spaces, quotes
        while e > i && (p[e - 1] == 32 || p[e - 1] == 34 || p[e - 1] == 13) { e -= 1 }
        if i == e { return .missing }
        var negative = false
        if p[i] == 45 { negative = true; i += 1 } else if p[i] == 43 { i += 1 }
        // Every digit goes into the mantissa, leading zeros too; more than 19 digits (which
        // could overflow it) take the slow path below, as does anything but digits and a point.
        var mantissa: UInt64 = 0
        let integerStart = i
        while i < e, case let d = p[i] &- 48, d < 10 { mantissa = mantissa &* 10 &+ UInt64(d); i += 1 }
        var digits = i - integerStart, exponent = 0
        if i < e && p[i] == 46 {
            i += 1
            let fractionStart = i
            while i < e, case let d = p[i] &- 48, d < 10 { mantissa = mantissa &* 10 &+ UInt64(d); i += 1 }
            exponent = fractionStart - i
            digits += i - fractionStart
        }
        if i == e && digits > 0 && digits <= 19 && mantissa < (1 << 53) && exponent >= -22 {
            var v = Double(mantissa)
            if exponent < 0 { v /= powerOfTen(-exponent) }
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
