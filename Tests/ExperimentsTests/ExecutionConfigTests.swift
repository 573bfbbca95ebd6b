import Engine
@testable import Analysis
@testable import Config
@testable import Experiments
import Model
import Testing

private func config(_ yaml: String) throws -> ExperimentConfig {
    try ExperimentConfig.read(ConfigNode.parse(yaml: "data: {files: [a.csv]}\n" + yaml, file: "x.yaml"), defaultName: "x", defaultStrategy: "s")
}

/// Every execution key reads into its rule; the latency seed defaults to the experiment's.
@Test func executionSectionReads() throws {
    let c = try config("""
        seed: 9
        execution:
          latency: {distribution: lognormal, mean_ms: 250, sd_ms: 100}
          intrabar: nearest_first
          max_volume_share: 0.1
          volume_remainder: cancel
          forced_exits: [2023-03-15, {at: 2023-06-01T14:30:00Z, slippage_multiplier: 5}]
          target_units: whole
        costs: {slippage_range: 0.1, slippage_atr: 0.05, slippage_atr_period: 20}

        """)
    let e = c.backtest.execution
    #expect(e.latency == Latency(.lognormal(meanMilliseconds: 250, sdMilliseconds: 100), seed: 9))
    #expect(e.intrabar == .nearestFirst && e.maxVolumeShare == 0.1 && e.volumeRemainder == .cancel)
    #expect(e.targetUnits == .whole)
    #expect(try config("").backtest.execution.targetUnits == .fractional)
    #expect(e.forcedExits == [ForcedExit(time: Timestamp.parse("2023-03-15")!), ForcedExit(time: Timestamp.parse("2023-06-01T14:30:00Z")!, slippageMultiplier: 5)])
    #expect(c.backtest.slippage == SlippageModel(rangeFraction: 0.1, atrFraction: 0.05, atrPeriod: 20))
    #expect(try config("execution: {latency: 250ms}\n").backtest.execution.latency == Latency(.fixed(milliseconds: 250), seed: 42))
    #expect(try config("execution: {latency: {distribution: uniform, min_ms: 5, max_ms: 50, seed: 3}}\n").backtest.execution.latency
        == Latency(.uniform(minMilliseconds: 5, maxMilliseconds: 50), seed: 3))
    let yaml = c.canonical.yaml()
    #expect(yaml.contains("  latency:\n    distribution: lognormal\n    mean_ms: 250.0\n    sd_ms: 100.0\n    seed: 9\n"), "\(yaml)")
}

/// Bad execution input is an error before the run, word for word.
@Test func executionSectionErrors() {
    #expect(errorText { _ = try config("execution:\n  latency: {distribution: lognorml, mean_ms: 250, sd_ms: 100}\n") }
        == "x.yaml:3: execution.latency.distribution: 'lognorml' is not one of fixed, uniform, normal, lognormal (did you mean 'lognormal'?)")
    #expect(errorText { _ = try config("execution:\n  latency: {distribution: uniform, min_ms: 5}\n") }
        == "x.yaml:3: execution.latency: the uniform distribution needs max_ms, e.g. max_ms: 500")
    #expect(errorText { _ = try config("execution:\n  latency: {distribution: uniform, min_ms: 5, max_ms: 9, sd_ms: 2}\n") }
        == "x.yaml:3: execution.latency.sd_ms: not used by the uniform distribution; remove it")
    #expect(errorText { _ = try config("execution:\n  latency: soon\n") }
        == "x.yaml:3: execution.latency: 'soon' is not a duration; use e.g. 250ms, or a map such as {distribution: lognormal, mean_ms: 250, sd_ms: 100, seed: 7}")
    #expect(errorText { _ = try config("execution:\n  fill: close\n  latency: 1s\n") }
        == "x.yaml:4: execution.latency: fill: close fills at the close of the bar the strategy saw, which leaves no time for latency; use fill: next_open with a latency, or remove the latency")
    #expect(errorText { _ = try config("execution:\n  target_units: wholes\n") }
        == "x.yaml:3: execution.target_units: 'wholes' is not one of fractional, whole (did you mean 'whole'?)")
    #expect(errorText { _ = try config("metrics:\n  profile: backtesting\n") }
        == "x.yaml:3: metrics.profile: 'backtesting' is not one of quantbt, empyrical, quantstats, backtesting.py (did you mean 'backtesting.py'?)")
    #expect(errorText { _ = try config("execution:\n  forced_exits: [{slippage_multiplier: 5}]\n") }
        == "x.yaml:3: execution.forced_exits[1].at: missing; e.g. at: 2023-03-15T14:30:00Z")
    #expect(errorText { _ = try config("time_zone: New York\n") }
        == "x.yaml:2: time_zone: 'New York' is not a time zone; use an IANA name such as UTC, America/New_York, Europe/London or Asia/Tokyo")
}

/// Checks against the data: a latency as long as the data, a forced exit after it.
@Test func executionChecksAgainstTheData() {
    let day: Int64 = 86_400_000
    #expect(errorText { try ExecutionReader.check(ExecutionRules(latency: Latency(.fixed(milliseconds: 2 * 86_400_000))), first: 0, last: day) }
        == "execution.latency: the mean delay 2d is as long as the data (1d from first to last bar), so no order could fill; shorten the latency or load more data")
    #expect(errorText { try ExecutionReader.check(ExecutionRules(forcedExits: [ForcedExit(time: Timestamp(milliseconds: 3 * day))]), first: 0, last: day) }
        == "execution.forced_exits[1].at: 1970-01-04T00:00:00Z is after the last bar (1970-01-02T00:00:00Z), so it would never happen; move it inside the data")
    #expect(errorText { try ExecutionReader.check(ExecutionRules(latency: Latency(.fixed(milliseconds: 1000))), first: 0, last: day) } == "no error")
}

/// New York trading days: offsets from the time-zone database, with the March and
/// November daylight-saving changes of 2023 (UTC−5, then −4, then −5).
@Test func newYorkCalendar() {
    let first = Timestamp.parse("2023-01-01")!.milliseconds, last = Timestamp.parse("2023-12-31")!.milliseconds
    let calendar = ZoneCalendar.calendar("America/New_York", first: first, last: last)
    #expect(calendar.offsets.map(\.offset) == [-5, -4, -5].map { Int64($0) * 3_600_000 })
    #expect(calendar.offsets[1].from == Timestamp.parse("2023-03-12T07:00:00Z")!.milliseconds)
    // 03:59 UTC on 2 Jan is still 1 Jan in New York; 05:00 UTC is 2 Jan.
    let jan1 = calendar.day(of: Timestamp.parse("2023-01-02T04:59:00Z")!.milliseconds)
    #expect(calendar.day(of: Timestamp.parse("2023-01-02T05:00:00Z")!.milliseconds) == jan1 + 1)
    #expect(TradingCalendar.utc.day(of: Timestamp.parse("2023-01-02T00:00:00Z")!.milliseconds) == jan1 + 1)
}
