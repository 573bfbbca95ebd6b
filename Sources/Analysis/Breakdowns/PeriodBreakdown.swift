import Engine
import Model

/// One calendar period of a run (a year, a quarter, a month in the run's time zone): the
/// return of equity over it, the worst fall inside it, and the trades that closed in it.
package struct PeriodRow: Sendable, Equatable {
    /// "2023", "2023-Q1", "2023-01".
    package var label: String
    /// Equity at the period's last bar close over equity at the last close before it
    /// (initial capital for the first period), minus 1.
    package var ret: Double
    /// Largest fall from a running peak inside the period (the starting equity counts as
    /// a peak), as a positive fraction.
    package var maxDrawdown: Double
    package var stats: TradeStats

    package var canonical: CanonicalValue {
        .map(["period": .string(label), "return": .number(ret), "max_drawdown": .number(maxDrawdown),
              "trades": .int(stats.trades), "win_rate": .optional(stats.winRate)])
    }
}

/// Years, quarters and months from the equity at every bar; weekdays and hours of day (by
/// trade entry, intraday bars only) from the trades.
package struct PeriodBreakdown: Sendable, Equatable {
    package var years: [PeriodRow] = []
    package var quarters: [PeriodRow] = []
    package var months: [PeriodRow] = []
    /// Seven entries, Monday first; nil when the bars are daily or coarser.
    package var weekdays: [TradeStats]?
    /// 24 entries, hour 0 first; nil when the bars are daily or coarser.
    package var hours: [TradeStats]?

    /// - Complexity: O(bars + trades); the civil date is computed once per local day, and
    /// each period's return and worst fall come from one tight pass over its bars.
    package static func compute(times: [Int64], equity: [Double], initialCapital: Double, trades: [Trade],
                                calendar: TradingCalendar) -> PeriodBreakdown {
        var out = PeriodBreakdown()
        guard !times.isEmpty else { return out }
        // The bars as runs of one month (year · 12 + month − 1), each from its first bar;
        // intraday: two bars on one local day. The civil date is worked out once a day.
        var runs: [(month: Int, start: Int)] = []
        var lastDay = Int64.min, intraday = false
        for i in times.indices {
            let day = LocalTime.day(times[i], calendar: calendar)
            if day == lastDay { intraday = true; continue }
            lastDay = day
            let civil = Timestamp.civilFromDays(day)
            let month = civil.year * 12 + civil.month - 1
            if runs.isEmpty || runs[runs.count - 1].month != month { runs.append((month, i)) }
        }
        let exits = trades.map { LocalTime($0.exitTime.milliseconds, calendar: calendar) }
        out.years = rows(runs, equity, initialCapital, trades, exits, key: { $0 / 12 }, tradeKey: { $0.year }) { "\($0)" }
        out.quarters = rows(runs, equity, initialCapital, trades, exits, key: { $0 / 3 }, tradeKey: { $0.year * 4 + $0.quarter - 1 }) {
            "\($0 / 4)-Q\($0 % 4 + 1)"
        }
        out.months = rows(runs, equity, initialCapital, trades, exits, key: { $0 }, tradeKey: { $0.year * 12 + $0.month - 1 }) {
            "\($0 / 12)-\($0 % 12 < 9 ? "0" : "")\($0 % 12 + 1)"
        }
        if intraday {
            var weekdays = [TradeStats](repeating: TradeStats(), count: 7), hours = [TradeStats](repeating: TradeStats(), count: 24)
            for t in trades {
                let at = LocalTime(t.entryTime.milliseconds, calendar: calendar)
                weekdays[at.weekday].add(t)
                hours[at.hour].add(t)
            }
            (out.weekdays, out.hours) = (weekdays, hours)
        }
        return out
    }

    /// Consecutive bars with the same period key (`key` of their month index) form one
    /// period; trades go to the period of their exit (`tradeKey` of its local time, the
    /// same numbering).
    private static func rows(_ runs: [(month: Int, start: Int)], _ equity: [Double], _ start: Double, _ trades: [Trade], _ exits: [LocalTime],
                             key: (Int) -> Int, tradeKey: (LocalTime) -> Int, label: (Int) -> String) -> [PeriodRow] {
        var rows: [PeriodRow] = []
        var keys: [Int] = []
        var opening = start, peak = start, worst = 0.0
        func close(lastBar i: Int) {
            rows[rows.count - 1].maxDrawdown = worst
            rows[rows.count - 1].ret = equity[i] / opening - 1
        }
        for (r, run) in runs.enumerated() {
            let k = key(run.month)
            if r == 0 || k != keys[keys.count - 1] {
                if run.start > 0 {
                    close(lastBar: run.start - 1)
                    opening = equity[run.start - 1]
                }
                keys.append(k)
                rows.append(PeriodRow(label: label(k), ret: 0, maxDrawdown: 0, stats: TradeStats()))
                peak = opening
                worst = 0
            }
            // The worst fall from the running peak. At or above the peak the fall is 0, which
            // `worst` already is at least; a NaN compares false either way and is skipped.
            let end = r + 1 < runs.count ? runs[r + 1].start : equity.count
            for i in run.start..<end {
                let e = equity[i]
                if e < peak { worst = max(worst, 1 - e / peak) } else { peak = max(peak, e) }
            }
        }
        if !rows.isEmpty { close(lastBar: equity.count - 1) }
        var index: [Int: Int] = [:]
        for (i, k) in keys.enumerated() { index[k] = i }
        for (t, at) in zip(trades, exits) {
            if let i = index[tradeKey(at)] { rows[i].stats.add(t) }
        }
        return rows
    }

    package var canonical: CanonicalValue {
        func byTrades(_ groups: [TradeStats]?, label: String, names: [String]) -> CanonicalValue {
            guard let groups else { return .null }
            return .list(zip(names, groups).map { name, s in
                .map([label: .string(name), "trades": .int(s.trades), "mean_trade_return": .optional(s.meanReturn)])
            })
        }
        return .map([
            "years": .list(years.map(\.canonical)), "quarters": .list(quarters.map(\.canonical)), "months": .list(months.map(\.canonical)),
            "weekdays": byTrades(weekdays, label: "weekday", names: LocalTime.weekdayNames),
            "hours": byTrades(hours, label: "hour", names: (0..<24).map { String($0) }),
        ])
    }
}
