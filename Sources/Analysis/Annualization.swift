import Model

/// How many return periods a year has, for annualizing volatility, Sharpe and Sortino, and
/// why: read off the bars actually observed, not off their spacing, so a daily stock series
/// (about 252 bars a year: no weekends, no holidays) is not annualized as if it traded 365
/// days.
///
/// Observed = intervals between bars over the time they cover, in years of 365.25 days,
/// leaving out gaps longer than 7 days and 10 bar spacings (weekends and holidays count;
/// the months a stress scenario skipped, or a long halt, do not). When a
/// usual figure is within 5 % of it, that figure is used (a year of minute crypto bars is
/// 525,600, not the 525,960 of a 365.25-day year); otherwise the observed
/// figure itself, to two decimals. The usual figures: for bars a day or more apart, 365
/// (calendar days), 252 (trading days), 52, 12, 4 and 1; for intraday bars, 365 or 252 days
/// times the bars in a whole day at that spacing, or times the bars seen on an average
/// trading day (390 one-minute bars in a 6.5-hour session).
public struct Annualization: Sendable, Equatable {
    public var periodsPerYear: Double
    /// For metrics.json's conventions: "config", or how the figure was inferred.
    public var source: String

    public init(periodsPerYear: Double, source: String) { (self.periodsPerYear, self.source) = (periodsPerYear, source) }

    /// Within this relative distance of a usual figure, the usual figure is used.
    public static let tolerance = 0.05

    /// - Complexity: O(bars).
    public static func infer(times: [Int64]) -> Annualization {
        guard times.count > 1, let first = times.first, let last = times.last, last > first else {
            return Annualization(periodsPerYear: 365, source: "fewer than two distinct bar times: 365 assumed")
        }
        let day = Double(Timestamp.millisecondsPerDay)
        let (usual, step) = candidates(times: times)
        // Gaps far longer than the spacing are not trading time: the months a stress scenario
        // left out, a long halt. Weekends and holidays are (they are why stocks have 252 days).
        let longest = max(7 * Timestamp.millisecondsPerDay, 10 * step)
        var intervals = 0, covered: Int64 = 0, skipped = 0
        for i in 1..<times.count {
            let gap = times[i] - times[i - 1]
            if gap <= longest { intervals += 1; covered += gap } else { skipped += 1 }
        }
        guard intervals > 0, covered > 0 else {
            return Annualization(periodsPerYear: 365, source: "no two bars close enough in time: 365 assumed")
        }
        let years = Double(covered) / (365.25 * day)
        let observed = Double(intervals) / years
        let nearest = usual.min { abs($0.value / observed - 1) < abs($1.value / observed - 1) }!
        let shown = NumberFormat.grouped(times.count)
        let span = String(format: "%.2f", years)
            + (skipped == 0 ? "" : " (\(skipped) gap\(skipped == 1 ? "" : "s") longer than \(NumberFormat.plain(Double(longest) / day)) days not counted)")
        if abs(nearest.value / observed - 1) <= tolerance {
            return Annualization(periodsPerYear: nearest.value,
                                 source: "inferred: \(shown) bars over \(span) years is \(String(format: "%.1f", observed)) a year, "
                                     + "within 5 % of the usual \(NumberFormat.plain(nearest.value)) (\(nearest.name))")
        }
        let value = (observed * 100).rounded() / 100
        return Annualization(periodsPerYear: value,
                             source: "inferred: \(shown) bars over \(span) years is \(NumberFormat.plain(value)) a year, "
                                 + "no usual figure within 5 %, used as observed")
    }

    /// The usual figures for these bars' spacing (the most common step, as in the data).
    static func candidates(times: [Int64]) -> (usual: [(value: Double, name: String)], step: Int64) {
        var counts: [Int64: Int] = [:]
        for i in 1..<min(times.count, 10_001) { counts[times[i] - times[i - 1], default: 0] += 1 }
        // Most common step; ties broken by the smaller step, so the result is deterministic.
        let step = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key
        let day = Timestamp.millisecondsPerDay
        guard step > 0, step < day else {
            return ([(365, "calendar days"), (252, "trading days"), (52, "weeks"), (12, "months"), (4, "quarters"), (1, "years")], step)
        }
        let perDay = Double(day / step)
        // Bars on an average day that has any: a session market's day (390 minutes, 7 hours).
        var days = 1, previous = times[0] / day
        for t in times.dropFirst() where t / day != previous { days += 1; previous = t / day }
        let perSession = (Double(times.count) / Double(days)).rounded()
        var out: [(Double, String)] = [(365 * perDay, "365 days of \(NumberFormat.plain(perDay)) bars"),
                                       (252 * perDay, "252 days of \(NumberFormat.plain(perDay)) bars")]
        if perSession < perDay {
            out += [(252 * perSession, "252 sessions of \(NumberFormat.plain(perSession)) bars"),
                    (365 * perSession, "365 days of \(NumberFormat.plain(perSession)) bars")]
        }
        return (out, step)
    }
}
