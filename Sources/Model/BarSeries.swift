/// The bars of one symbol, stored column by column.
///
/// Columns (not an array of `Bar`) keep the loaders and the engine loop cache-friendly:
/// the engine reads `close[i]` without touching the other fields.
public struct BarSeries: Sendable, Equatable {
    public var symbol: String
    public var times: [Int64]
    public var open: [Double]
    public var high: [Double]
    public var low: [Double]
    public var close: [Double]
    public var volume: [Double]

    public init(symbol: String, capacity: Int = 0) {
        self.symbol = symbol
        times = []; open = []; high = []; low = []; close = []; volume = []
        reserve(capacity)
    }

    public init(symbol: String, bars: [Bar]) {
        self.init(symbol: symbol, capacity: bars.count)
        for b in bars { append(b) }
    }

    public mutating func reserve(_ n: Int) {
        times.reserveCapacity(n); open.reserveCapacity(n); high.reserveCapacity(n)
        low.reserveCapacity(n); close.reserveCapacity(n); volume.reserveCapacity(n)
    }

    @inlinable public var count: Int { times.count }
    @inlinable public var isEmpty: Bool { times.isEmpty }

    public mutating func append(_ b: Bar) {
        times.append(b.time.milliseconds); open.append(b.open); high.append(b.high)
        low.append(b.low); close.append(b.close); volume.append(b.volume)
    }

    @inlinable
    public subscript(i: Int) -> Bar {
        Bar(time: Timestamp(milliseconds: times[i]), open: open[i], high: high[i], low: low[i],
            close: close[i], volume: volume[i])
    }

    /// The bars with `start <= time <= end` (either bound optional).
    public func slice(from start: Timestamp?, through end: Timestamp?) -> BarSeries {
        let lo = start.map { s in times.partitionPoint { $0 >= s.milliseconds } } ?? 0
        let hi = end.map { e in times.partitionPoint { $0 > e.milliseconds } } ?? count
        if lo == 0 && hi == count { return self }  // the common case: shares storage, copies nothing
        var out = BarSeries(symbol: symbol)
        guard lo < hi else { return out }
        out.times = Array(times[lo..<hi]); out.open = Array(open[lo..<hi]); out.high = Array(high[lo..<hi])
        out.low = Array(low[lo..<hi]); out.close = Array(close[lo..<hi]); out.volume = Array(volume[lo..<hi])
        return out
    }
}

extension Array {
    /// The first index whose element satisfies `predicate`, for a predicate that is false
    /// then true along the array (binary search).
    public func partitionPoint(_ predicate: (Element) -> Bool) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if predicate(self[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
