/// A point in time: milliseconds since 1970-01-01T00:00:00Z, always UTC.
///
/// Milliseconds keep latency arithmetic exact (issue: latency in ms) while minute and
/// daily bars stay plain integers. Formatting and parsing are hand-written so that the
/// hot paths (CSV load, equity.csv) never allocate a `Date` or a formatter.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var milliseconds: Int64

    @inlinable public init(milliseconds: Int64) { self.milliseconds = milliseconds }
    public init(seconds: Int64) { self.milliseconds = seconds * 1000 }

    public static let millisecondsPerDay: Int64 = 86_400_000

    @inlinable public static func < (a: Timestamp, b: Timestamp) -> Bool { a.milliseconds < b.milliseconds }

    /// Days since the epoch for a proleptic Gregorian civil date (Howard Hinnant's algorithm).
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count since the epoch.
    public static func civilFromDays(_ z0: Int64) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (Int(y), Int(m), Int(d))
    }

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        let days = Timestamp.daysFromCivil(year: year, month: month, day: day)
        milliseconds = days * Timestamp.millisecondsPerDay
            + Int64(hour * 3600 + minute * 60 + second) * 1000
    }

    /// Whole days since the epoch (floor), the key for daily grouping.
    public var dayNumber: Int64 {
        let d = milliseconds / Timestamp.millisecondsPerDay
        return milliseconds % Timestamp.millisecondsPerDay < 0 ? d - 1 : d
    }

    public var civil: (year: Int, month: Int, day: Int) { Timestamp.civilFromDays(dayNumber) }

    /// ISO-8601 UTC, `2023-01-01T00:00:00Z`; milliseconds appear only when non-zero.
    public var description: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        appendISO8601(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `2023-01-01`, the date part only.
    public var dateString: String {
        let (y, m, d) = civil
        var bytes: [UInt8] = []
        Timestamp.appendDigits(y, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Timestamp.appendDigits(m, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Timestamp.appendDigits(d, width: 2, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the ISO-8601 form without building a String: used by the artifact writers.
    public func appendISO8601(to out: inout [UInt8]) {
        let day = dayNumber
        let msOfDay = Int(milliseconds - day * Timestamp.millisecondsPerDay)
        let (y, m, d) = Timestamp.civilFromDays(day)
        Timestamp.appendDigits(y, width: 4, to: &out)
        out.append(UInt8(ascii: "-"))
        Timestamp.appendDigits(m, width: 2, to: &out)
        out.append(UInt8(ascii: "-"))
        Timestamp.appendDigits(d, width: 2, to: &out)
        out.append(UInt8(ascii: "T"))
        let secs = msOfDay / 1000
        Timestamp.appendDigits(secs / 3600, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        Timestamp.appendDigits(secs / 60 % 60, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        Timestamp.appendDigits(secs % 60, width: 2, to: &out)
        if msOfDay % 1000 != 0 {
            out.append(UInt8(ascii: "."))
            Timestamp.appendDigits(msOfDay % 1000, width: 3, to: &out)
        }
        out.append(UInt8(ascii: "Z"))
    }

    @inline(__always)
    static func appendDigits(_ value: Int, width: Int, to out: inout [UInt8]) {
        var v = value
        if v < 0 { out.append(UInt8(ascii: "-")); v = -v }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            repeat {
                buf[n] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                n += 1
            } while v > 0 && n < 8
            for _ in n..<max(n, width) { out.append(UInt8(ascii: "0")) }
            for i in stride(from: n - 1, through: 0, by: -1) { out.append(buf[i]) }
        }
    }
}

extension Timestamp {
    /// As the end of a date range: a date-only end (midnight) means the whole day, so its
    /// last millisecond; any other time is itself.
    public var inclusiveDayEnd: Timestamp {
        milliseconds % Timestamp.millisecondsPerDay == 0 ? Timestamp(milliseconds: milliseconds + Timestamp.millisecondsPerDay - 1) : self
    }
}
