import Model
import Testing

/// Formats a UTC instant as ISO-8601, with milliseconds only when non-zero.
@Test func formatsISO8601() {
    #expect(Timestamp(year: 2023, month: 1, day: 1).description == "2023-01-01T00:00:00Z")
    #expect(Timestamp(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 58).description == "2024-02-29T23:59:58Z")
    #expect(Timestamp(milliseconds: 1_672_531_200_250).description == "2023-01-01T00:00:00.250Z")
    #expect(Timestamp(milliseconds: 0).dateString == "1970-01-01")
}

/// Parses every accepted form to the same instant.
@Test(arguments: [
    "2023-01-01T00:00:00Z", "2023-01-01 00:00:00", "2023-01-01", "2023-01-01T00:00Z",
    "1672531200", "1672531200000", "2023-01-01T01:00:00+01:00", "2022-12-31T19:00:00-05:00",
])
func parsesAcceptedForms(_ text: String) {
    #expect(Timestamp.parse(text) == Timestamp(year: 2023, month: 1, day: 1))
}

/// Rejects impossible dates and junk instead of guessing.
@Test(arguments: ["2023-02-30", "2023-13-01", "2023-01-01T24:00:00Z", "yesterday", "", "2023-01-01T00:00:00Q", "2023/01/01"])
func rejectsInvalidTimestamps(_ text: String) {
    #expect(Timestamp.parse(text) == nil)
}

/// Civil-date conversion round-trips over four centuries, leap days included.
@Test func civilRoundTrip() {
    for day in stride(from: Int64(-146_097), through: 146_097, by: 7) {
        let (y, m, d) = Timestamp.civilFromDays(day)
        #expect(Timestamp.daysFromCivil(year: y, month: m, day: d) == day)
    }
}

/// Fractional seconds keep milliseconds.
@Test func parsesFractionalSeconds() {
    #expect(Timestamp.parse("2023-01-01T00:00:00.123456Z")?.milliseconds == 1_672_531_200_123)
}

/// A column read row after row gives what `Timestamp.parse` gives for each row alone:
/// rows of one day (the date kept), a new day, the date alone, offsets and fractions on a
/// kept date, epoch numbers between dates, and broken rows that share a kept date.
@Test func timestampColumnParserMatchesParse() {
    let rows = [
        "2023-01-01T00:00:00Z", "2023-01-01T00:01:00Z", "2023-01-01 23:59:59", "2023-01-01", "2023-01-01T09:30:00.250Z",
        "2023-01-01T09:30:00+02:00", "2023-01-01T09:30:00-0530", "2023-01-01T24:00:00Z", "2023-01-01T09:3", "2023-01-01X",
        "2023-01-02T00:00:00Z", "1672531200", "1672531200000", "2023-01-02T00:00:01Z", "2023-02-30T00:00:00Z",
        "2023-02-28T00:00:00Z", "2024-02-29", "2023-02-29", "abcdefghijkl", "2023-01-0", "", "2023-01-02T00:00:02Z",
    ]
    var column = TimestampColumnParser()
    for row in rows {
        let bytes = Array(row.utf8)
        let got = bytes.withUnsafeBytes { column.parse($0) }
        #expect(got == Timestamp.parse(row), "\(row)")
    }
    // The kept date is not taken for a row that only shares its first bytes.
    var again = TimestampColumnParser()
    for row in ["2023-01-01T00:00:00Z", "2023-01-011T00:00:00Z", "2023-01-01T00:00:00Z"] {
        let got = Array(row.utf8).withUnsafeBytes { again.parse($0) }
        #expect(got == Timestamp.parse(row), "\(row)")
    }
}

/// The row writer gives `appendISO8601`'s text for every kind of instant, in any order:
/// minutes of one day, day and year changes, leap days, milliseconds, before 1970, and
/// years past 9999 (a longer date).
@Test func iso8601WriterMatchesAppendISO8601() {
    var times: [Int64] = []
    let start = Timestamp(year: 2023, month: 12, day: 31, hour: 23, minute: 57).milliseconds
    for k in 0..<5 { times.append(start + Int64(k) * 60_000) }
    times += [Timestamp(year: 2024, month: 2, day: 29, hour: 12, minute: 34, second: 56).milliseconds, 1_672_531_200_250, 0, -1_000,
              -86_400_000 * 400, Timestamp(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59).milliseconds,
              Timestamp(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59).milliseconds + 1_000,
              Timestamp(year: 10000, month: 1, day: 1, hour: 0, minute: 0, second: 1).milliseconds, start]
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<2_000 { times.append(Int64.random(in: -100_000_000_000...400_000_000_000, using: &rng) / 1_000 * 1_000) }
    var writer = ISO8601Writer()
    let room = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
    defer { room.deallocate() }
    for ms in times {
        let count = writer.write(Timestamp(milliseconds: ms), to: room)
        var expected: [UInt8] = []
        Timestamp(milliseconds: ms).appendISO8601(to: &expected)
        #expect(Array(UnsafeBufferPointer(start: room, count: count)) == expected, "\(ms)")
    }
}
