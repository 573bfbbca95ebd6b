import Engine
import Model

/// A moment in the run's time zone (`time_zone` in the config, UTC by default): the civil
/// date, weekday and hour that period breakdowns group by.
struct LocalTime {
    var year: Int
    var month: Int
    /// 1...4.
    var quarter: Int { (month - 1) / 3 + 1 }
    /// 0 = Monday ... 6 = Sunday.
    var weekday: Int
    var hour: Int
    /// Local days since 1970-01-01.
    var day: Int64

    /// Local days since 1970-01-01 of `time` (floor division: before 1970 too).
    static func day(_ time: Int64, calendar: TradingCalendar) -> Int64 {
        let local = time + calendar.offset(at: time), msPerDay = Timestamp.millisecondsPerDay
        return local >= 0 ? local / msPerDay : -((-local + msPerDay - 1) / msPerDay)
    }

    init(_ time: Int64, calendar: TradingCalendar) {
        let local = time + calendar.offset(at: time)
        let msPerDay = Timestamp.millisecondsPerDay
        day = Self.day(time, calendar: calendar)
        let civil = Timestamp.civilFromDays(day)
        (year, month) = (civil.year, civil.month)
        weekday = Int(((day % 7) + 7 + 3) % 7)  // 1970-01-01 was a Thursday
        hour = Int((local - day * msPerDay) / 3_600_000)
    }

    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
}
