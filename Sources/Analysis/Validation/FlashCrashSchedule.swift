import Model

/// The dates of a flash-crash stress scenario: one per calendar quarter (UTC) of the data,
/// at a bar drawn uniformly from that quarter's bars by a generator seeded with `seed`, so
/// the same seed gives the same dates.
public enum FlashCrashSchedule {
    /// One timestamp per quarter that has bars, in time order.
    public static func dates(times: [Int64], seed: UInt64) -> [Int64] {
        var random = SeededRandom(seed: seed)
        var out: [Int64] = []
        var start = 0
        func quarter(_ t: Int64) -> Int {
            let day = t >= 0 ? t / Timestamp.millisecondsPerDay : -((-t + Timestamp.millisecondsPerDay - 1) / Timestamp.millisecondsPerDay)
            let c = Timestamp.civilFromDays(day)
            return c.year * 4 + (c.month - 1) / 3
        }
        for i in times.indices where i == times.count - 1 || quarter(times[i + 1]) != quarter(times[i]) {
            let count = i + 1 - start
            let pick = start + min(Int(random.uniform() * Double(count)), count - 1)
            out.append(times[pick])
            start = i + 1
        }
        return out
    }
}
