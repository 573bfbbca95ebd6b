import Analysis
import Model
import Testing

private let day: Int64 = 86_400_000
private let start = Timestamp(year: 2021, month: 1, day: 4).milliseconds  // a Monday

/// Times from `start`, `step` apart, keeping those `keep` accepts, until `count` are kept.
private func times(_ count: Int, step: Int64, keep: (Int64) -> Bool = { _ in true }) -> [Int64] {
    var out: [Int64] = [], t = start
    while out.count < count {
        if keep(t) { out.append(t) }
        t += step
    }
    return out
}

private func weekday(_ t: Int64) -> Bool { ((t / day) + 3) % 7 < 5 }  // 1970-01-01 was a Thursday

@Test func dailyStockSessionsAre252AYear() {
    // Weekdays only: about 261 a year, within 5 % of 252.
    let weekdays = Annualization.infer(times: times(522, step: day, keep: weekday))
    #expect(weekdays.periodsPerYear == 252)
    // Weekdays without nine holidays a year: 252 exactly, give or take.
    var n = 0
    let sessions = Annualization.infer(times: times(756, step: day) { t in
        guard weekday(t) else { return false }
        n += 1
        return n % 29 != 0
    })
    #expect(sessions.periodsPerYear == 252)
    #expect(sessions.source.hasSuffix("within 5 % of the usual 252 (trading days)"))
}

@Test func continuousMarketsKeepTheirCalendar() {
    #expect(Annualization.infer(times: times(730, step: day)).periodsPerYear == 365)
    #expect(Annualization.infer(times: times(8_760, step: 3_600_000)).periodsPerYear == 8_760)
    let minutes = Annualization.infer(times: times(525_600, step: 60_000))
    #expect(minutes.periodsPerYear == 525_600)
    // 525,599 intervals over 525,599 minutes: 525,960 (365.25 × 1,440) a year.
    #expect(minutes.source == "inferred: 525,600 bars over 1.00 years is 525960.0 a year, within 5 % of the usual 525600 (365 days of 1440 bars)")
}

@Test func sessionMinutesAre252SessionsOf390() {
    // 09:30 to 16:00 New York in UTC (14:30 to 21:00, winter), weekdays.
    let session = times(390 * 300, step: 60_000) { t in
        let minute = (t % day) / 60_000
        return weekday(t) && minute >= 870 && minute < 1_260
    }
    #expect(Annualization.infer(times: session).periodsPerYear == 252 * 390)
}

@Test func coarserAndIrregularBars() {
    #expect(Annualization.infer(times: times(104, step: 7 * day)).periodsPerYear == 52)
    // Every third day is 121.75 a year, near no usual figure: used as observed.
    let third = Annualization.infer(times: times(200, step: 3 * day))
    #expect(third.periodsPerYear == 121.75)
    #expect(third.source == "inferred: 200 bars over 1.63 years is 121.75 a year, no usual figure within 5 %, used as observed")
    #expect(Annualization.infer(times: [start]).periodsPerYear == 365)
}

@Test func theConfigWins() {
    let a = MetricConventions(periodsPerYear: 260).annualization(times: times(730, step: day))
    #expect(a == Annualization(periodsPerYear: 260, source: "config"))
}

/// A stress scenario that keeps three separate months of minutes is still minute data:
/// the two gaps between the months are not trading time.
@Test func longGapsAreNotTradingTime() {
    let month: Int64 = 30 * day
    let kept = times(3 * 43_200, step: 60_000) { t in let m = (t - start) / month; return m == 0 || m == 4 || m == 8 }
    let a = Annualization.infer(times: kept)
    #expect(a.periodsPerYear == 525_600)
    #expect(a.source.contains("(2 gaps longer than 7 days not counted)"))
}
