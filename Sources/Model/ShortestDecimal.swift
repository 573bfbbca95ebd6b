/// Swift's text for a Double (`description`: the shortest digits that read back as the same
/// Double, the closest to it when several are that short), written into bytes without making
/// a String. A run writes about a million numbers, and `description` costs a String each.
///
/// Exact integer arithmetic (a 128-bit product), for the magnitudes a run writes: 2^-13
/// (about 1.2e-4) up to 2^53, where Swift prints plain decimals ("16460.93", "0.00123",
/// "100000.0"). `write` returns nil outside that range, and the caller falls back to
/// `description`. Where Swift's choice is a convention rather than arithmetic it is followed:
/// an exact tie between two shortest candidates goes to the even digit, and a bound of the
/// rounding interval counts as inside when the significand is even. Tests check every text
/// against `description` on 330,000 values chosen to hit those cases.
public enum ShortestDecimal {
    /// Writes the text of `x` at `p` (room for 32 bytes) and returns how many bytes it wrote,
    /// or nil when `x` is left to `description`.
    @inline(__always)
    public static func write(_ x: Double, to p: UnsafeMutablePointer<UInt8>) -> Int? {
        let bits = x.bitPattern
        var at = 0
        if bits >> 63 != 0 { p[0] = 45; at = 1 }  // '-'
        let biased = Int((bits >> 52) & 0x7FF)
        let fraction = bits & ((1 << 52) - 1)
        if biased == 0 && fraction == 0 {  // ±0.0
            (p[at], p[at + 1], p[at + 2]) = (48, 46, 48)
            return at + 3
        }
        // x = m × 2^q with m the 53-bit significand; the range kept is 2^-13 <= |x| < 2^53.
        let q = biased - 1075
        guard q + 52 >= -13, q + 52 <= 52 else { return nil }
        guard let (digits, exponent) = decompose(significand: fraction | (1 << 52), q: q, lowerGapHalved: fraction == 0) else { return nil }
        return at + format(digits, exponent, to: p + at)
    }

    /// The shortest decimal `digits × 10^exponent` inside the rounding interval of
    /// m × 2^q, the closest to it. nil only in a case the kept range never reaches.
    @inline(__always)
    static func decompose(significand m: UInt64, q: Int, lowerGapHalved: Bool) -> (UInt64, Int)? {
        // Scaled by 4 so the interval's bounds are whole: x = V × 2^(q-2), bounds U = V + 2
        // and L = V - 2 (V - 1 below a power of two, where the gap below is half the gap above).
        let t = 2 - q  // 2...68 over the kept range
        // The last digit's place 10^k gives 18 or 19 significant digits: floor(log10 x) is
        // estimate or estimate + 1 (78913 / 2^18 is log10 2 from below).
        let estimate = ((q + 52) &* 78913) >> 18
        let k = estimate - 17
        let scale = power(-k)  // -k is 2...21, so U × scale < 2^125
        let mask = (UInt128(1) << t) &- 1
        let vs = UInt128(4 * m) &* scale
        let us = vs &+ 2 &* scale, ls = vs &- (lowerGapHalved ? scale : 2 &* scale)
        // At 10^k: the candidates are the whole numbers lo...up; x is vr + fraction. A bound
        // that is itself a decimal reads back to the even significand (round half to even),
        // so it is inside when m is even, as in Swift's own printing.
        let evenSignificand = m & 1 == 0
        var up = UInt64(truncatingIfNeeded: us >> t)
        if us & mask == 0 && !evenSignificand { up &-= 1 }
        var lo = UInt64(truncatingIfNeeded: ls >> t)
        if ls & mask != 0 || !evenSignificand { lo &+= 1 }
        let vr = UInt64(truncatingIfNeeded: vs >> t)
        let fraction = vs & mask
        // The coarsest place 10^r with a multiple inside: the fewest digits. Beside it, x's
        // own digits above 10^r, the last digit dropped and whether all below it were zero.
        var r = 0, below = vr, dropped: UInt64 = 0, zerosBelow = true
        while true {
            let nextUp = up / 10, nextLo = (lo + 9) / 10
            if nextUp < nextLo { break }
            (up, lo) = (nextUp, nextLo)
            let next = below / 10
            zerosBelow = zerosBelow && dropped == 0
            dropped = below &- next &* 10
            below = next
            r += 1
        }
        // Of the multiples of 10^r either side of x, the closer (both may be inside).
        var pick: UInt64
        if r == 0 {
            let half = UInt128(1) << (t - 1)
            if fraction == half { return nil }
            pick = fraction < half ? below : below &+ 1
        } else {
            // x's distance above `below` against half of 10^r: the dropped digits, then the fraction.
            // An exact tie goes to the even digit, as Swift's own printing does.
            let tie = dropped == 5 && zerosBelow && fraction == 0
            pick = dropped < 5 || (tie && below & 1 == 0) ? below : below &+ 1
        }
        if pick < lo || pick > up {
            pick = pick == below ? below &+ 1 : below
            if pick < lo || pick > up { return nil }
        }
        return (pick, k + r)
    }

    /// Swift's plain decimal form of digits × 10^exponent: "1600.0", "16.25", "0.00125".
    /// Writes whole 8-byte words, so up to 7 bytes past the text (within the 32 of room).
    @inline(__always)
    static func format(_ digits: UInt64, _ exponent: Int, to p: UnsafeMutablePointer<UInt8>) -> Int {
        // The number of digits: from the bit length, then one comparison.
        var n = ((64 - digits.leadingZeroBitCount) &* 1233) >> 12
        if digits >= UInt64(truncatingIfNeeded: power(n)) { n += 1 }
        // The digits as text, zero-padded to 18 in bytes 6..<24, 8 bytes of slack after.
        let top = digits / 10_000_000_000_000_000, middle = digits / 100_000_000 % 100_000_000, low = digits % 100_000_000
        var text = (UInt64(0x3030_3030_3030_3030) & 0x0000_FFFF_FFFF_FFFF | twoDigits(top) << 48, eightDigits(middle), eightDigits(low), UInt64(0))
        return withUnsafeMutableBytes(of: &text) { raw in
            let s = UnsafeRawPointer(raw.baseAddress! + 24 - n)  // the first significant digit
            let point = n + exponent  // digits before the decimal point
            if exponent >= 0 {  // 1600.0
                copyWords(from: s, to: p, count: n)
                for z in 0..<exponent { p[n + z] = 48 }
                (p[point], p[point + 1]) = (46, 48)
                return point + 2
            } else if point > 0 {  // 16.25
                copyWords(from: s, to: p, count: point)
                p[point] = 46
                copyWords(from: s + point, to: p + point + 1, count: n - point)
                return n + 1
            } else {  // 0.00125
                UnsafeMutableRawPointer(p).storeBytes(of: 0x3030_2E30, as: UInt32.self)  // "0.00"
                p[4] = 48
                copyWords(from: s, to: p + 2 - point, count: n)
                return 2 - point + n
            }
        }
    }

    /// Copies `count` (at most 24) bytes as whole 8-byte words (up to 7 more bytes are copied).
    @inline(__always)
    private static func copyWords(from source: UnsafeRawPointer, to p: UnsafeMutablePointer<UInt8>, count: Int) {
        let target = UnsafeMutableRawPointer(p)
        target.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
        if count > 8 { target.storeBytes(of: source.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self) }
        if count > 16 { target.storeBytes(of: source.loadUnaligned(fromByteOffset: 16, as: UInt64.self), toByteOffset: 16, as: UInt64.self) }
    }

    /// y < 10^8 as eight ASCII digits in memory order: the hundreds and tens are split in
    /// parallel lanes of one 64-bit word (4 + 4 digits, then 2 + 2 + 2 + 2, then 1 each).
    @inline(__always)
    private static func eightDigits(_ y: UInt64) -> UInt64 {
        var v = y / 10_000 | (y % 10_000) << 32
        let hundreds = ((v &* 10486) >> 20) & 0x0000_007F_0000_007F
        v = hundreds | (v &- hundreds &* 100) << 16
        let tens = ((v &* 103) >> 10) & 0x000F_000F_000F_000F
        v = tens | (v &- tens &* 10) << 8
        return v | 0x3030_3030_3030_3030
    }

    /// y < 100 as two ASCII digits in the low 16 bits, in memory order.
    @inline(__always)
    private static func twoDigits(_ y: UInt64) -> UInt64 {
        (y / 10 | (y % 10) << 8) | 0x3030
    }

    /// 10^n for n in 0...21.
    @inline(__always)
    private static func power(_ n: Int) -> UInt128 {
        n < 20 ? UInt128(smallPower(n)) : UInt128(smallPower(19)) &* UInt128(smallPower(n - 19))
    }

    /// 10^n for n in 0...19. A switch, which the compiler makes a constant table: a global
    /// array would be initialised lazily, checked on every call.
    @inline(__always)
    private static func smallPower(_ n: Int) -> UInt64 {
        switch n {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1_000
        case 4: 10_000
        case 5: 100_000
        case 6: 1_000_000
        case 7: 10_000_000
        case 8: 100_000_000
        case 9: 1_000_000_000
        case 10: 10_000_000_000
        case 11: 100_000_000_000
        case 12: 1_000_000_000_000
        case 13: 10_000_000_000_000
        case 14: 100_000_000_000_000
        case 15: 1_000_000_000_000_000
        case 16: 10_000_000_000_000_000
        case 17: 100_000_000_000_000_000
        case 18: 1_000_000_000_000_000_000
        default: 10_000_000_000_000_000_000
        }
    }

}
