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
