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

    /// - Complexity: O(bars + trades); the civil date is computed once per local day.
    package static func compute(times: [Int64], equity: [Double], initialCapital: Double, trades: [Trade],
                                calendar: TradingCalendar) -> PeriodBreakdown {
        var out = PeriodBreakdown()
        guard !times.isEmpty else { return out }
        // Every bar's month as year · 12 + month − 1; intraday: two bars on one local day.
        var months = [Int]()
        months.reserveCapacity(times.count)
        var lastDay = Int64.min, month = 0, intraday = false
        for t in times {
            let day = LocalTime.day(t, calendar: calendar)
            if day != lastDay {
                let civil = Timestamp.civilFromDays(day)
                (month, lastDay) = (civil.year * 12 + civil.month - 1, day)
            } else {
                intraday = true
            }
            months.append(month)
        }
        let exits = trades.map { LocalTime($0.exitTime.milliseconds, calendar: calendar) }
        out.years = rows(months, equity, initialCapital, trades, exits, key: { $0 / 12 }, tradeKey: { $0.year }) { "\($0)" }
        out.quarters = rows(months, equity, initialCapital, trades, exits, key: { $0 / 3 }, tradeKey: { $0.year * 4 + $0.quarter - 1 }) {
            "\($0 / 4)-Q\($0 % 4 + 1)"
        }
        out.months = rows(months, equity, initialCapital, trades, exits, key: { $0 }, tradeKey: { $0.year * 12 + $0.month - 1 }) {
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
    private static func rows(_ months: [Int], _ equity: [Double], _ start: Double, _ trades: [Trade], _ exits: [LocalTime],
                             key: (Int) -> Int, tradeKey: (LocalTime) -> Int, label: (Int) -> String) -> [PeriodRow] {
        var rows: [PeriodRow] = []
        var keys: [Int] = []
        var opening = start, peak = start, worst = 0.0
        for i in months.indices {
            let k = key(months[i])
            if keys.last != k {
                if i > 0 { opening = equity[i - 1] }
                keys.append(k)
                rows.append(PeriodRow(label: label(k), ret: 0, maxDrawdown: 0, stats: TradeStats()))
                peak = opening
                worst = 0
            }
            peak = max(peak, equity[i])
            worst = max(worst, 1 - equity[i] / peak)
            rows[rows.count - 1].maxDrawdown = worst
            rows[rows.count - 1].ret = equity[i] / opening - 1
        }
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
