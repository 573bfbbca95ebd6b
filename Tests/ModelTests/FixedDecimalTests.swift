import Foundation
import Model
import Testing

/// Word for word, including printf's ties to the even digit on exact binary values.
@Test(arguments: [
    (0.25, 1, "0.2"), (0.35, 1, "0.3"), (0.45, 1, "0.5"), (0.75, 1, "0.8"), (-0.25, 1, "-0.2"), (-0.04, 1, "-0.0"), (-0.0, 1, "-0.0"),
    (0.0, 1, "0.0"), (2.5, 0, "2"), (3.5, 0, "4"), (0.125, 2, "0.12"), (0.375, 2, "0.38"), (1_069.95, 1, "1070.0"), (959.96, 1, "960.0"),
    (12.3456, 3, "12.346"), (1e-7, 6, "0.000000"), (123_456.7, 0, "123457"), (0.5, 6, "0.500000"), (99.99, 1, "100.0"),
])
func formatsAsPrintf(_ x: Double, _ decimals: Int, _ text: String) {
    #expect(FixedDecimal.string(x, decimals: decimals) == text)
    #expect(String(format: "%.\(decimals)f", x) == text)
}

/// Every value `String(format:)` is asked for in a chart, and far beyond: random bit
/// patterns, chart coordinates, cent and quarter values (exact ties), huge values (the
/// fallback), NaN and infinities. None differs.
@Test func agreesWithStringFormat() {
    var random = SystemRandomNumberGenerator()
    var values: [Double] = [.nan, .infinity, -.infinity, 1e300, -1e300, 4.5e15, 2.25e15, .leastNonzeroMagnitude, .ulpOfOne]
    for _ in 0..<20_000 { values.append(Double(bitPattern: random.next())) }
    for _ in 0..<20_000 { values.append(Double.random(in: 0..<1_000, using: &random)) }
    for _ in 0..<20_000 { values.append(Double.random(in: -1e6..<1e6, using: &random)) }
    for n in -2_000...2_000 { values += [Double(n) / 100, Double(n) / 4, Double(n) / 8, Double(n) / 16, Double(n) * 0.05] }
    var differ: [String] = []
    for x in values {
        for decimals in 0...6 where FixedDecimal.string(x, decimals: decimals) != String(format: "%.\(decimals)f", x) {
            differ.append("\(x) with \(decimals): \(FixedDecimal.string(x, decimals: decimals)) against \(String(format: "%.\(decimals)f", x))")
        }
    }
    #expect(differ.isEmpty, "\(differ.count) values differ, first: \(differ.prefix(5))")
}
