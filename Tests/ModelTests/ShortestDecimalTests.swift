import Model
import Testing

/// The text `ShortestDecimal` writes for `x`, or nil when it leaves `x` to `description`.
private func fast(_ x: Double) -> String? {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: NumberText.maxBytes) { buffer in
        ShortestDecimal.write(x, to: buffer.baseAddress!).map { String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<$0]), as: UTF8.self) }
    }
}

/// What a CSV artifact holds for `x`.
private func written(_ x: Double) -> String {
    var bytes: [UInt8] = []
    NumberText.append(x, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
}

/// Values a run writes, word for word: Swift's plain decimals, shortest digits.
@Test(arguments: [
    (100_000.0, "100000.0"), (16460.93, "16460.93"), (0.00125, "0.00125"), (-0.00125, "-0.00125"), (0.0, "0.0"), (-0.0, "-0.0"),
    (0.1, "0.1"), (0.3, "0.3"), (0.1 + 0.2, "0.30000000000000004"), (1.0, "1.0"), (2e15, "2000000000000000.0"),
    (123_456.789, "123456.789"), (-358.5256928780065, "-358.5256928780065"), (199.64131542274458, "199.64131542274458"),
    (-0.0035888421857088446, "-0.0035888421857088446"), (0x1p-13, "0.0001220703125"), (1_234_567_890_123.0, "1234567890123.0"),
    (1.0 / 3.0, "0.3333333333333333"), (2.0 / 3.0, "0.6666666666666666"), (5e-4, "0.0005"),
    // Exact ties between two shortest candidates go to the even digit.
    (2_078_935_031_699_784.25, "2078935031699784.2"), (2_078_935_031_699_784.75, "2078935031699784.8"),
    (2_078_935_031_699_785.25, "2078935031699785.2"), (4_503_599_627_370_497.0, "4503599627370497.0"),
])
func writesPlainDecimals(_ x: Double, _ text: String) {
    #expect(fast(x) == text)
    #expect(written(x) == text)
    #expect(x.description == text)
}

/// Outside 2^-13...2^53 the text comes from `description`; non-finite values are null.
@Test func leavesTheRestToDescription() {
    for (x, text) in [(1e-5, "1e-05"), (1e16, "1e+16"), (9_007_199_254_740_992.0, "9007199254740992.0"), (1e-4, "0.0001"),
                      (-1e-5, "-1e-05"), (5e-324, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308")] {
        #expect(fast(x) == nil, "\(x)")
        #expect(written(x) == text)
    }
    #expect(written(.nan) == "null")
    #expect(written(.infinity) == "null")
    #expect(written(-.infinity) == "null")
}

/// Against `description` on 300,000 values: random bit patterns across the range kept, cent
/// prices, products like a run's quantities and equity, whole numbers, powers of two and
/// their neighbours (where the gap below halves), and values with few binary fraction digits
/// (where bounds and ties are exact decimals). Every one is written without `description`,
/// and every text matches it.
@Test func matchesDescription() {
    var random = SeededRandom(seed: 15)
    var values: [Double] = []
    for _ in 0..<100_000 {  // 2^-13 <= |x| < 2^53: biased exponents 1010...1075
        let exponent = UInt64(1010 + Int(random.next() % 66)), fraction = random.next() & ((1 << 52) - 1)
        values.append(Double(bitPattern: (random.next() & (1 << 63)) | exponent << 52 | fraction))
    }
    for _ in 0..<80_000 { values.append(Double(random.next() % 10_000_000_000) / 100) }
    for _ in 0..<80_000 { values.append(Double(1 + random.next() % 10_000_000) / 1000 * (random.uniform() * 1000)) }
    for _ in 0..<20_000 { values.append(Double(random.next() % (1 << 53))) }
    for _ in 0..<50_000 { values.append(Double(random.next() % (1 << 53)) / 16 + 0x1p-13) }
    var power = 0x1p-14
    for _ in 0..<68 {
        values += [power, power.nextUp, power.nextDown, power * 10, (power * 10).nextUp].filter { $0 >= 0x1p-13 && $0 < 0x1p53 }
        power *= 2
    }
    var fallbacks = 0, mismatches = 0
    for x in values {
        guard let text = fast(x) else { fallbacks += 1; continue }
        if text != x.description {
            mismatches += 1
            if mismatches <= 5 { Issue.record("\(x.description) written as \(text)") }
        }
    }
    #expect(values.count == 330_326)
    #expect(fallbacks == 0)
    #expect(mismatches == 0)
}
