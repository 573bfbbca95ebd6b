import Engine
import Model

/// Builds the scenarios of `quantbt validate` from the plan and the loaded data: the
/// baseline (the whole period), one run per split, and the stress scenarios.
public enum ValidationScenarios {
    public static func make(plan: ValidationPlan, series: [BarSeries], base: BacktestConfig, seed: UInt64) throws -> [ValidationScenario] {
        let timeline = Timeline(series.map(\.times)).times
        var out = [ValidationScenario(kind: .baseline, name: "baseline", summary: "the whole period, as configured", series: series, config: base, spans: nil)]
        out += try splits(plan, series: series, timeline: timeline, base: base)
        out += try stress(plan, series: series, timeline: timeline, base: base, seed: seed)
        return out
    }

    /// Each split reads only the bars up to its end (a split never sees later data, so a
    /// strategy tuned on train never reads holdout bars) and trades only inside it; the
    /// bars before it warm its indicators up and are left out of its metrics.
    package static func splits(_ plan: ValidationPlan, series: [BarSeries], timeline: [Int64], base: BacktestConfig) throws -> [ValidationScenario] {
        try ranges(plan, timeline: timeline).map { name, range in
            window(name, range, series: series, timeline: timeline, base: base, warmupBars: plan.warmupBars)
        }
    }

    /// Each split's timeline indices; a split with fewer than two bars is an error.
    public static func ranges(_ plan: ValidationPlan, timeline: [Int64]) throws -> [(name: String, range: Range<Int>)] {
        var next = 0
        return try plan.splits.map { split in
            let range: Range<Int>
            switch split.bound {
            case .fraction(let f):
                let count = Int((Double(timeline.count) * f).rounded(.down))
                range = next..<min(next + count, timeline.count)
            case .dates(let a, let b):
                range = timeline.partitionPoint { $0 >= a.milliseconds }..<timeline.partitionPoint { $0 > b.inclusiveDayEnd.milliseconds }
            }
            next = range.upperBound
            guard range.count >= 2 else {
                throw ConfigError("splits.\(split.name): selects \(range.count) bars of the data (\(describe(timeline))); "
                    + "a split needs at least 2; move its dates inside the data or give it a larger share")
            }
            return (split.name, range)
        }
    }

    /// A backtest over timeline indices `range`: it reads bars only up to the range's last,
    /// warms up on up to `warmupBars` bars before it (nil: all), and trades only inside it.
    public static func window(_ name: String, _ range: Range<Int>, series: [BarSeries], timeline: [Int64], base: BacktestConfig,
                       warmupBars: Int?) -> ValidationScenario {
        let first = timeline[range.lowerBound], last = timeline[range.upperBound - 1]
        let warmStart = warmupBars.map { timeline[max(range.lowerBound - $0, 0)] }
        var config = base
        config.tradingWindows = [TradingWindow(start: first, end: last + 1)]
        let sliced = series.map { $0.slice(from: warmStart.map { Timestamp(milliseconds: $0) }, through: Timestamp(milliseconds: last)) }
        return ValidationScenario(kind: .split, name: name, summary: "\(Timestamp(milliseconds: first).dateString) to \(Timestamp(milliseconds: last).dateString)",
                                  series: sliced, config: config, spans: [first...last],
                                  facts: ["first_bar": .string(Timestamp(milliseconds: first).description),
                                          "last_bar": .string(Timestamp(milliseconds: last).description), "bars": .int(range.count)])
    }

    package static func stress(_ plan: ValidationPlan, series: [BarSeries], timeline: [Int64], base: BacktestConfig, seed: UInt64) throws -> [ValidationScenario] {
        var out: [ValidationScenario] = []
        for k in plan.slippageMultipliers {
            var config = base
            config.slippage.basisPoints *= k
            config.slippage.rangeFraction *= k
            config.slippage.atrFraction *= k
            config.commission.percent *= plan.commissionMultiplier
            config.commission.perUnit *= plan.commissionMultiplier
            config.commission.fixed *= plan.commissionMultiplier
            config.commission.minimum *= plan.commissionMultiplier
            let name = "slippage-x\(NumberFormat.plain(k))"
            out.append(ValidationScenario(kind: .stress, name: name, summary: "slippage x\(NumberFormat.plain(k))"
                                            + (plan.commissionMultiplier == 1 ? "" : ", commission x\(NumberFormat.plain(plan.commissionMultiplier))"),
                                          series: series, config: config, spans: nil,
                                          facts: ["slippage_multiplier": .number(k), "commission_multiplier": .number(plan.commissionMultiplier)]))
        }
        let benchmarkName = plan.benchmark ?? series[0].symbol
        guard let benchmark = series.first(where: { $0.symbol == benchmarkName }) else {
            throw ConfigError("stress.benchmark: '\(benchmarkName)' is not one of the data's symbols (\(series.map(\.symbol).joined(separator: ", ")))")
        }
        let months = MonthlyReturns.months(times: benchmark.times, opens: benchmark.open, closes: benchmark.close)
        out.append(monthScenario("bear-months", "months where \(benchmarkName) fell more than \(NumberFormat.plainPercent(-plan.bearMonthBelow))",
                                 MonthlyReturns.bear(months, below: plan.bearMonthBelow), benchmark: benchmark, timeline: timeline, series: series, base: base))
        out.append(monthScenario("range-months", "months where \(benchmarkName) moved less than \(NumberFormat.plainPercent(plan.rangeMonthWithin)) either way",
                                 MonthlyReturns.range(months, within: plan.rangeMonthWithin), benchmark: benchmark, timeline: timeline, series: series, base: base))
        if let crash = plan.flashCrash {
            let dates = FlashCrashSchedule.dates(times: timeline, seed: crash.seed ?? seed)
            var config = base
            config.execution = ExecutionRules(latency: base.execution.latency, intrabar: base.execution.intrabar, maxVolumeShare: base.execution.maxVolumeShare,
                                              volumeRemainder: base.execution.volumeRemainder,
                                              forcedExits: base.execution.forcedExits + dates.map { ForcedExit(time: Timestamp(milliseconds: $0), slippageMultiplier: crash.slippageMultiplier) })
            out.append(ValidationScenario(kind: .stress, name: "flash-crash",
                                          summary: "every position force-closed at slippage x\(NumberFormat.plain(crash.slippageMultiplier)) on \(dates.count) seeded dates, one a quarter",
                                          series: series, config: config, spans: nil,
                                          facts: ["dates": .list(dates.map { .string(Timestamp(milliseconds: $0).description) }),
                                                  "slippage_multiplier": .number(crash.slippageMultiplier), "seed": .int(Int(crash.seed ?? seed))]))
        }
        return out
    }

    /// Trading only in `months`; a position open at a month's end is closed at the open of the
    /// first bar after it (that bar counts toward the scenario), so no month carries risk into
    /// one the scenario leaves out.
    private static func monthScenario(_ name: String, _ summary: String, _ months: [MonthReturn], benchmark: BarSeries,
                                      timeline: [Int64], series: [BarSeries], base: BacktestConfig) -> ValidationScenario {
        var config = base
        var spans: [ClosedRange<Int64>] = []
        var windows: [TradingWindow] = []
        for m in months {
            let start = benchmark.times[m.bars.lowerBound], lastBar = benchmark.times[m.bars.upperBound - 1]
            let after = timeline.partitionPoint { $0 > lastBar }
            let end = after < timeline.count ? timeline[after] : lastBar + 1
            windows.append(TradingWindow(start: start, end: end, closeAtEnd: true))
            spans.append(start...(after < timeline.count ? timeline[after] : lastBar))
        }
        config.tradingWindows = windows
        let facts: [String: CanonicalValue] = ["months": .list(months.map { .map(["month": .string($0.label), "benchmark_return": .number($0.ret)]) })]
        return ValidationScenario(kind: .stress, name: name, summary: summary + " (\(months.count))", series: series, config: config,
                                  spans: spans, facts: facts)
    }

    private static func describe(_ timeline: [Int64]) -> String {
        guard let a = timeline.first, let b = timeline.last else { return "no bars" }
        return "\(Timestamp(milliseconds: a).dateString) to \(Timestamp(milliseconds: b).dateString)"
    }
}
