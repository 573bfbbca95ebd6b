import MarketData
import Model
import Testing

private func load(_ text: String, checks: DataChecks = .init()) throws -> CSVBarLoader.Loaded {
    try CSVBarLoader.parse(text, source: "x.csv", symbol: "X", checks: checks)
}

private func message(_ body: () throws -> Void) -> String {
    do { try body(); return "no error" } catch { return "\(error)" }
}

/// The canonical layout loads into columns.
@Test func loadsCanonicalCSV() throws {
    let l = try load("timestamp,open,high,low,close,volume\n2023-01-01T00:00:00Z,10,11,9,10.5,100\n2023-01-01T00:01:00Z,10.5,12,10,11,50.25\n")
    #expect(l.series.count == 2)
    #expect(l.series.close == [10.5, 11])
    #expect(l.series.volume == [100, 50.25])
    #expect(l.series.times[1] == Timestamp(year: 2023, month: 1, day: 1, minute: 1).milliseconds)
}

/// Yahoo's layout: capitalised names, date-only rows, Adj Close ignored.
@Test func loadsYahooLayout() throws {
    let l = try load("Date,Open,High,Low,Close,Adj Close,Volume\r\n2023-01-03,10,11,9,10.5,10.4,1000\r\n2023-01-04,10.5,11,10,10.8,10.7,900\r\n")
    #expect(l.series.close == [10.5, 10.8])
    #expect(l.series.times[0] == Timestamp(year: 2023, month: 1, day: 3).milliseconds)
}

/// Columns in any order, epoch milliseconds or seconds, volume optional.
@Test func loadsAnyColumnOrderAndEpochs() throws {
    let ms = try load("close,TIMESTAMP,low,open,high\n10.5,1672531200000,9,10,11\n")
    #expect(ms.series[0] == Bar(time: Timestamp(year: 2023, month: 1, day: 1), open: 10, high: 11, low: 9, close: 10.5, volume: 0))
    let s = try load("time,o,h,l,c,v\n1672531200,1,2,0.5,1.5,3\n")
    #expect(s.series.times == [Timestamp(year: 2023, month: 1, day: 1).milliseconds])
}

/// Numbers parse exactly, including forms off the fast path.
@Test func parsesNumbersExactly() throws {
    let l = try load("timestamp,open,high,low,close,volume\n2023-01-01,0.1,1e3,0.000123,123.456789012345678,1.5E-3\n")
    #expect(l.series.open == [0.1] && l.series.high == [1000] && l.series.low == [0.000123])
    #expect(l.series.close == [123.456789012345678] && l.series.volume == [0.0015])
}

/// Bad input: each message word for word.
@Test func loaderErrorsNameFileLineAndColumn() {
    let header = "timestamp,open,high,low,close,volume\n"
    #expect(message { _ = try load(header + "2023-01-01,1,2,0.5,1.5,1\n2023-01-02,1,2,0.5,abc,1\n") }
        == "x.csv:3: column 'close': 'abc' is not a number")
    #expect(message { _ = try load(header + "2023-01-01,1,2,0.5,1.5\n") }
        == "x.csv:2: expected 6 fields like the header, found 5")
    #expect(message { _ = try load(header + "2023-13-01,1,2,0.5,1.5,1\n") }
        == "x.csv:2: column 'timestamp': '2023-13-01' is not a timestamp (use ISO-8601 such as 2023-01-01T00:00:00Z, a date such as 2023-01-01, or epoch seconds or milliseconds)")
    #expect(message { _ = try load("date,open,high,low,volume\n") }
        == "x.csv:1: the header has no 'close' column (found: date,open,high,low,volume); expected timestamp,open,high,low,close[,volume] in any order and case")
    #expect(message { _ = try load(header + "2023-01-01,10,9,8,10.5,1\n") }
        == "x.csv:2: column 'high': high 9.0 is below max(open, close) 10.5 (check 'ohlc'; set data.checks.ohlc to warn or drop to accept or skip such rows)")
    #expect(message { _ = try CSVBarLoader.load(path: "/nonexistent/x.csv", symbol: "X") }
        == "cannot read data file '/nonexistent/x.csv': no such file; check data.files in the experiment config (paths are relative to the repository root), or generate the sample data (see data/README.md)")
}

/// Each validation check, with its error, warn and drop policy.
@Test func validationPolicies() throws {
    let text = """
        timestamp,open,high,low,close,volume
        2023-01-01,10,11,9,10,1
        2023-01-02,10,9.5,9,10,1
        2023-01-02,10,11,9,10,1
        2023-01-01,10,11,9,10,1
        2023-01-04,,11,9,10,1
        2023-01-05,-1,11,-2,10,1
        2023-01-06,10,11,9,10,-4
        2023-01-07,10,11,9,10,1

        """
    #expect(message { _ = try load(text, checks: DataChecks([.ohlc: .warn])) }
        == "x.csv:4: column 'timestamp': 2023-01-02T00:00:00Z repeats the previous row's timestamp (check 'duplicates'; set data.checks.duplicates to warn or drop to accept or skip such rows)")
    let warned = try load(text, checks: DataChecks(Dictionary(uniqueKeysWithValues: DataCheck.allCases.map { ($0, .warn) })))
    // Kept under warn: the ohlc, price and volume rows; duplicates, order and missing are dropped.
    #expect(warned.series.count == 5)
    #expect(warned.report.counts == [.ohlc: 1, .duplicates: 1, .order: 1, .missing: 1, .prices: 1, .volume: 1])
    #expect(warned.report.messages.first == "x.csv:3: column 'high': high 9.5 is below max(open, close) 10.0")
    let dropped = try load(text, checks: DataChecks(Dictionary(uniqueKeysWithValues: DataCheck.allCases.map { ($0, .drop) })))
    // A dropped row is not "the previous row": once line 3 is dropped, line 4 is no duplicate.
    #expect(dropped.series.count == 3)
    #expect(dropped.report.rowsRead == 8 && dropped.report.rowsKept == 3)
    #expect(dropped.report.counts == [.ohlc: 1, .order: 1, .missing: 1, .prices: 1, .volume: 1])
}

/// A 60,000-character field (a line under the 65,536-byte limit) is quoted by its first
/// 60 characters and its length; longer lines are refused whole (InputLimitsTests).
@Test func longFieldIsQuotedShort() {
    let field = String(repeating: "7x", count: 30_000)
    let text = message { _ = try load("timestamp,open,high,low,close\n2023-01-01,1,1,1,\(field)\n") }
    #expect(text == "x.csv:2: column 'close': '\(String(field.prefix(60)))... (60000 characters)' is not a number")
}
