extension Timestamp {
    /// Parses the timestamp forms QuantBT accepts, from raw bytes (no String per field):
    /// `2023-01-01`, `2023-01-01T09:30:00Z`, `2023-01-01 09:30:00`, fractional seconds,
    /// a `+hh:mm`/`-hh:mm` offset, or epoch seconds / milliseconds as an integer (more than
    /// 11 digits is read as milliseconds: 1e11 s is the year 5138).
    /// Returns nil for anything else.
    ///
    /// Concrete (not generic) on purpose: the CSV loader calls it once per row from another
    /// module, where an unspecialized generic would go through protocol witnesses per byte.
    public static func parse(bytes: UnsafeRawBufferPointer) -> Timestamp? {
        var i = 0
        let end = bytes.count
        guard i < end else { return nil }
        @inline(__always) func digit(_ at: Int) -> Int? { Timestamp.digit(bytes, at) }
        @inline(__always) func number(_ at: Int, _ count: Int) -> Int? { Timestamp.number(bytes, at, count) }
        // Epoch integer: all digits (optionally negative is not supported for bars).
        var allDigits = true
        var j = i
        while j < end { if digit(j) == nil { allDigits = false; break }; j += 1 }
        if allDigits {
            let count = end - i
            guard count <= 18, let v = number(i, count) else { return nil }
            return count > 11 ? Timestamp(milliseconds: Int64(v)) : Timestamp(seconds: Int64(v))
        }
        guard let dayStart = parseDate(bytes) else { return nil }
        return parseTime(bytes, dayStart: dayStart)
    }

    /// The start (ms) of the day `bytes` begin with (`2023-01-01`), or nil.
    static func parseDate(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        let end = bytes.count
        @inline(__always) func number(_ at: Int, _ count: Int) -> Int? { Timestamp.number(bytes, at, count) }
        guard let year = number(0, 4), end >= 10, bytes[4] == 45, let month = number(5, 2),
              bytes[7] == 45, let day = number(8, 2),
              (1...12).contains(month), (1...Timestamp.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        return Timestamp.daysFromCivil(year: year, month: month, day: day) * millisecondsPerDay
    }

    /// What follows the date in `bytes` (nothing, or `T09:30:00Z` and the other forms),
    /// added to `dayStart`; nil when it is not a time.
    static func parseTime(_ bytes: UnsafeRawBufferPointer, dayStart: Int64) -> Timestamp? {
        var i = 10
        let end = bytes.count
        var ms = dayStart
        @inline(__always) func digit(_ at: Int) -> Int? { Timestamp.digit(bytes, at) }
        @inline(__always) func number(_ at: Int, _ count: Int) -> Int? { Timestamp.number(bytes, at, count) }
        if i == end { return Timestamp(milliseconds: ms) }
        guard bytes[i] == 84 || bytes[i] == 32,  // 'T' or ' '
              let hh = number(i + 1, 2), end - i >= 6, bytes[i + 3] == 58, let mm = number(i + 4, 2),
              hh < 24, mm < 60
        else { return nil }
        i += 6
        var ss = 0
        if i < end && bytes[i] == 58 {
            guard let s = number(i + 1, 2), s < 60 else { return nil }
            ss = s
            i += 3
        }
        ms += Int64(hh * 3600 + mm * 60 + ss) * 1000
        if i < end && bytes[i] == 46 {  // fractional seconds: keep milliseconds, ignore the rest
            i += 1
            var scale: Int64 = 100
            var frac: Int64 = 0
            let start = i
            while let d = digit(i) { if scale > 0 { frac += Int64(d) * scale; scale /= 10 }; i += 1 }
            guard i > start else { return nil }
            ms += frac
        }
        if i == end { return Timestamp(milliseconds: ms) }
        if bytes[i] == 90, i + 1 == end { return Timestamp(milliseconds: ms) }  // 'Z'
        if bytes[i] == 43 || bytes[i] == 45 {  // +hh:mm / -hh:mm
            let sign: Int64 = bytes[i] == 43 ? 1 : -1
            guard let oh = number(i + 1, 2) else { return nil }
            var k = i + 3
            if k < end && bytes[k] == 58 { k += 1 }
            guard let om = number(k, 2), k + 2 == end else { return nil }
            return Timestamp(milliseconds: ms - sign * Int64(oh * 3600 + om * 60) * 1000)
        }
        return nil
    }

    /// Parses a String (config values, command-line flags).
    public static func parse(_ text: String) -> Timestamp? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { parse(bytes: $0) }
    }

    /// The digit at `at` of `bytes`, or nil (past the end, or not a digit).
    @inline(__always)
    private static func digit(_ bytes: UnsafeRawBufferPointer, _ at: Int) -> Int? {
        guard at < bytes.count else { return nil }
        let c = bytes[at]
        return c >= 48 && c <= 57 ? Int(c - 48) : nil
    }

    /// The `count` digits from `at` of `bytes` as a number, or nil.
    @inline(__always)
    private static func number(_ bytes: UnsafeRawBufferPointer, _ at: Int, _ count: Int) -> Int? {
        var v = 0
        for k in 0..<count {
            guard let d = digit(bytes, at + k) else { return nil }
            v = v * 10 + d
        }
        return v
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
