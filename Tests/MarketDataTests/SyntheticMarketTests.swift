import MarketData
import Model
import Testing

private func market(seed: UInt64) -> SyntheticMarket {
    SyntheticMarket(symbol: "S", seed: seed, start: Timestamp(year: 2023, month: 1, day: 1), intervalMs: 60_000, bars: 5_000,
                    startPrice: 100, segments: [.init(.bull, 1), .init(.crash, 0.1), .init(.range, 1)])
}

/// Same seed, same bars; another seed, other bars.
@Test func synthIsDeterministic() {
    #expect(market(seed: 1).generate() == market(seed: 1).generate())
    #expect(market(seed: 1).generate() != market(seed: 2).generate())
}

/// Every bar is valid OHLC on the tick grid, opens at the previous close, one minute apart.
@Test func synthBarsAreValid() throws {
    let s = market(seed: 3).generate()
    for i in 0..<s.count {
        #expect(s.high[i] >= max(s.open[i], s.close[i]) && s.low[i] <= min(s.open[i], s.close[i]) && s.low[i] > 0)
        #expect(abs(s.close[i] * 100 - (s.close[i] * 100).rounded()) < 1e-6)
        if i > 0 { #expect(s.open[i] == s.close[i - 1] && s.times[i] - s.times[i - 1] == 60_000) }
    }
    // Written and read back, the file gives the same series.
    let text = String(decoding: CSVBarWriter.csv(s), as: UTF8.self)
    #expect(try CSVBarLoader.parse(text, source: "s.csv", symbol: "S").series == s)
}

/// Weekdays-only data skips Saturdays and Sundays.
@Test func synthSkipsWeekends() {
    var m = market(seed: 1)
    m.intervalMs = 86_400_000
    m.weekdaysOnly = true
    m.bars = 10
    let days = m.generate().times.map { (Timestamp(milliseconds: $0).dayNumber + 4) % 7 }
    #expect(!days.contains(0) && !days.contains(6))
}
