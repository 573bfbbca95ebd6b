import Model

/// One calendar month (UTC) of a benchmark: its bars and its return.
public struct MonthReturn: Sendable, Equatable {
    public var year: Int
    public var month: Int
    /// Timeline indices of the month's bars.
    public var bars: Range<Int>
    /// Last close of the month over the last close of the month before (the first month:
    /// over its first open), minus 1.
    public var ret: Double

    public var label: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
}

/// Calendar months of a benchmark series and their classification for stress scenarios.
public enum MonthlyReturns {
    /// The months of `times` (one benchmark's bars, sorted) with their returns.
    /// - Complexity: O(n).
    public static func months(times: [Int64], opens: [Double], closes: [Double]) -> [MonthReturn] {
        var out: [MonthReturn] = []
        var start = 0
        var previousClose = opens.first ?? 0
        func key(_ t: Int64) -> (Int, Int) {
            let day = t >= 0 ? t / Timestamp.millisecondsPerDay : -((-t + Timestamp.millisecondsPerDay - 1) / Timestamp.millisecondsPerDay)
            let c = Timestamp.civilFromDays(day)
            return (c.year, c.month)
        }
        for i in times.indices {
            let isLast = i == times.count - 1 || key(times[i + 1]) != key(times[i])
            guard isLast else { continue }
            let (year, month) = key(times[i])
            out.append(MonthReturn(year: year, month: month, bars: start..<(i + 1), ret: closes[i] / previousClose - 1))
            previousClose = closes[i]
            start = i + 1
        }
        return out
    }

    /// Months whose return is below `threshold` (e.g. -0.05): bear months.
    public static func bear(_ months: [MonthReturn], below threshold: Double) -> [MonthReturn] {
        months.filter { $0.ret < threshold }
    }

    /// Months whose return lies within ±`band` (e.g. 0.02): range months.
    public static func range(_ months: [MonthReturn], within band: Double) -> [MonthReturn] {
        months.filter { abs($0.ret) <= band }
    }
}
