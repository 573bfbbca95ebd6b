import Model

/// Six columns a parse writes rows into through pointers: no per-row append (each checks
/// capacity and that the array is not shared, six times a row). `ColumnBuffers.build` makes
/// the arrays with room for `capacity` rows, uninitialised, and keeps the rows written.
struct ColumnPointers: @unchecked Sendable {  // each parse task writes its own row range
    let times: UnsafeMutablePointer<Int64>
    let open: UnsafeMutablePointer<Double>
    let high: UnsafeMutablePointer<Double>
    let low: UnsafeMutablePointer<Double>
    let close: UnsafeMutablePointer<Double>
    let volume: UnsafeMutablePointer<Double>

    @inline(__always)
    func write(_ bar: Bar, at row: Int) {
        times[row] = bar.time.milliseconds
        open[row] = bar.open; high[row] = bar.high; low[row] = bar.low; close[row] = bar.close; volume[row] = bar.volume
    }

    /// Moves `count` rows from `from` down to `to` (to < from).
    func moveRows(from: Int, to: Int, count: Int) {
        (times + to).update(from: times + from, count: count)
        for column in [open, high, low, close, volume] { (column + to).update(from: column + from, count: count) }
    }
}

enum ColumnBuffers {
    /// A series whose columns `fill` writes: it gets room for `capacity` rows and returns
    /// how many it wrote (rows 0..<n are then the series). Pages of the room left unused are
    /// never touched, so a generous capacity costs address space, not memory.
    static func build(symbol: String, capacity wanted: Int, _ fill: (ColumnPointers) throws -> Int) throws -> BarSeries {
        let capacity = max(wanted, 1)  // a base address even for no rows
        var rows = 0
        var failure: Error?
        var open: [Double] = [], high: [Double] = [], low: [Double] = [], close: [Double] = [], volume: [Double] = []
        let times = [Int64](unsafeUninitializedCapacity: capacity) { t, tCount in
            open = [Double](unsafeUninitializedCapacity: capacity) { o, oCount in
                high = [Double](unsafeUninitializedCapacity: capacity) { h, hCount in
                    low = [Double](unsafeUninitializedCapacity: capacity) { l, lCount in
                        close = [Double](unsafeUninitializedCapacity: capacity) { c, cCount in
                            volume = [Double](unsafeUninitializedCapacity: capacity) { v, vCount in
                                let columns = ColumnPointers(times: t.baseAddress!, open: o.baseAddress!, high: h.baseAddress!,
                                                             low: l.baseAddress!, close: c.baseAddress!, volume: v.baseAddress!)
                                do { rows = try fill(columns) } catch { failure = error; rows = 0 }
                                precondition(rows <= capacity, "a parse wrote more rows than it had room for")
                                vCount = rows
                            }
                            cCount = rows
                        }
                        lCount = rows
                    }
                    hCount = rows
                }
                oCount = rows
            }
            tCount = rows
        }
        if let failure { throw failure }
        var series = BarSeries(symbol: symbol)
        (series.times, series.open, series.high, series.low, series.close, series.volume) = (times, open, high, low, close, volume)
        return series
    }

}
