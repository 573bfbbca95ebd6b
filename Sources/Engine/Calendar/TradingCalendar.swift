/// Which trading day a moment falls in: days start at local midnight in a time zone.
///
/// The zone comes in as its UTC offsets and the moments they change (daylight saving), so
/// the engine stays pure: the edge (Experiments) reads the time-zone database and hands the
/// transitions for the data's span over. `day(of:)` counts days since 1970-01-01 local.
public struct TradingCalendar: Sendable, Equatable {
    /// From `from` (UTC milliseconds) on, local time is UTC + `offset` milliseconds.
    public struct Offset: Sendable, Equatable {
        public var from: Int64
        public var offset: Int64

        public init(from: Int64, offset: Int64) {
            (self.from, self.offset) = (from, offset)
        }
    }

    /// The zone's name, for messages ("UTC", "America/New_York").
    public let name: String
    /// Sorted by `from`; the first also applies before its `from`.
    public let offsets: [Offset]

    public init(name: String, offsets: [Offset]) {
        precondition(!offsets.isEmpty, "a calendar needs at least one UTC offset")
        precondition(zip(offsets, offsets.dropFirst()).allSatisfy { $0.from < $1.from }, "offsets must be sorted by time")
        (self.name, self.offsets) = (name, offsets)
    }

    public static let utc = TradingCalendar(name: "UTC", offsets: [Offset(from: .min, offset: 0)])

    /// The UTC offset in force at `time`.
    /// - Complexity: O(log k) for k offset changes.
    public func offset(at time: Int64) -> Int64 {
        var low = 0, high = offsets.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if offsets[mid].from <= time { low = mid } else { high = mid - 1 }
        }
        return offsets[low].offset
    }

    /// Local days since 1970-01-01 (negative before it).
    public func day(of time: Int64) -> Int64 {
        let local = time + offset(at: time)
        let day: Int64 = 86_400_000
        return local >= 0 ? local / day : -((-local + day - 1) / day)
    }
}
