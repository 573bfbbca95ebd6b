import MarketData
import Model
import Testing

private let text: String = {
    let s = SyntheticMarket(symbol: "S", seed: 11, start: Timestamp(year: 2023, month: 1, day: 1), intervalMs: 60_000, bars: 2_000,
                            startPrice: 100, segments: [.init(.bull, 1)]).generate()
    return String(decoding: CSVBarWriter.csv(s), as: UTF8.self)
}()

private func both(_ text: String, _ checks: DataChecks = .init()) -> (String, String) {
    func run(_ threshold: Int) -> String {
        do {
            let l = try CSVBarLoader.parse(text, source: "x.csv", symbol: "S", checks: checks, parallelThreshold: threshold)
            return "\(l.series.count) \(l.series.close.last!) \(l.report.counts) \(l.report.messages)"
        } catch { return "\(error)" }
    }
    return (run(0), run(.max))   // two halves vs one pass
}

/// Clean data parsed in two halves equals the one-pass parse, bar for bar.
@Test func halvesEqualOnePass() throws {
    let a = try CSVBarLoader.parse(text, source: "x.csv", symbol: "S", parallelThreshold: 0)
    let b = try CSVBarLoader.parse(text, source: "x.csv", symbol: "S", parallelThreshold: .max)
    #expect(a.series == b.series && a.series.count == 2_000)
}

/// An error late in the file names the same line either way.
@Test func errorInSecondHalfSameLine() {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines[1_800] = lines[1_799]   // a duplicate timestamp at line 1801
    let (halves, onePass) = both(lines.joined(separator: "\n"))
    #expect(halves == onePass)
    #expect(halves.hasPrefix("x.csv:1801: column 'timestamp':"))
}

/// A row dropped at the split gives the one-pass result.
@Test func droppedRowAtSplit() {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for k in 995...1_005 { lines[k] = lines[k - 1] }   // duplicates around the middle
    let (halves, onePass) = both(lines.joined(separator: "\n"), DataChecks([.duplicates: .drop]))
    #expect(halves == onePass)
    #expect(halves.hasPrefix("1989 "))
}

/// Blank lines in the first half leave it fewer rows than lines: the second half, parsed
/// into the rows after the first half's line count, is moved down over the gap. Bar for
/// bar the one-pass result, all 2,000 rows.
@Test func blankLinesInTheFirstHalfAreClosedUp() throws {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for k in [100, 101, 102, 500, 900] { lines.insert("", at: k) }
    lines[50] += "\r"
    let blanked = lines.joined(separator: "\n")
    let a = try CSVBarLoader.parse(blanked, source: "x.csv", symbol: "S", parallelThreshold: 0)
    let b = try CSVBarLoader.parse(blanked, source: "x.csv", symbol: "S", parallelThreshold: .max)
    #expect(a.series == b.series && a.series.count == 2_000)
    #expect(a.report.rowsRead == 2_000 && a.report.rowsKept == 2_000)
    let clean = try CSVBarLoader.parse(text, source: "x.csv", symbol: "S", parallelThreshold: .max)
    #expect(a.series == clean.series)
}

/// Room for rows is estimated from the first 64 KB; a file whose first lines are long and
/// the rest short outgrows it, and is parsed again with its lines counted: the same bars
/// whichever way, one pass or two halves.
@Test func aFileThatOutgrowsItsEstimateIsCounted() throws {
    let s = SyntheticMarket(symbol: "S", seed: 5, start: Timestamp(year: 2023, month: 1, day: 1), intervalMs: 60_000, bars: 60_000,
                            startPrice: 100, segments: [.init(.bull, 1)]).generate()
    let plain = String(decoding: CSVBarWriter.csv(s), as: UTF8.self)
    var lines = plain.split(separator: "\n").map(String.init)
    let pad = String(repeating: " ", count: 300)
    for k in 1...300 { lines[k] = lines[k].split(separator: ",").map { pad + $0 }.joined(separator: ",") }  // about 1.9 KB each
    let padded = lines.joined(separator: "\n") + "\n"
    let clean = try CSVBarLoader.parse(plain, source: "x.csv", symbol: "S", parallelThreshold: .max)
    for threshold in [0, Int.max] {
        let l = try CSVBarLoader.parse(padded, source: "x.csv", symbol: "S", parallelThreshold: threshold)
        #expect(l.series == clean.series && l.series.count == 60_000)
    }
}
