import CHotPath
import Model

/// Where each symbol's columns are in memory, for the engine loop: a bar's fields read
/// through one table of pointers instead of arrays of arrays, which check two bounds and
/// load the inner array's header for every field of every symbol at every step (ten
/// symbols: 262-281 -> 240-255 ms, engine-bench sma10, alternated).
///
/// The pointers are the arrays' own storage, valid while those arrays live unchanged: a run
/// reads the `let` series of its `RunState`, which it keeps alive and cannot change, and
/// releases the table when it ends (`deallocate`).
struct SeriesColumns {
    /// Per symbol: open, high, low, close, volume, in that order.
    private let fields: UnsafeMutablePointer<UnsafePointer<Double>>
    /// Per symbol: times and the five fields, for prefetch hints.
    private let starts: UnsafeMutablePointer<UnsafeRawPointer>

    init(_ series: [BarSeries]) {
        fields = .allocate(capacity: max(series.count * 5, 1))
        starts = .allocate(capacity: max(series.count * 6, 1))
        for (s, b) in series.enumerated() {
            let columns = [b.open, b.high, b.low, b.close, b.volume]
            // Read through pointers, a short column would be read past its end, not trapped.
            precondition(columns.allSatisfy { $0.count == b.times.count },
                         "series \(b.symbol): its times, open, high, low, close and volume columns must have the same length")
            for k in 0..<5 {
                // An empty column has no storage; its pointer is never read (no bar to read).
                fields[s * 5 + k] = columns[k].withUnsafeBufferPointer { $0.baseAddress } ?? UnsafePointer(bitPattern: 8)!
                starts[s * 6 + 1 + k] = UnsafeRawPointer(fields[s * 5 + k])
            }
            starts[s * 6] = b.times.withUnsafeBytes { $0.baseAddress } ?? UnsafeRawPointer(bitPattern: 8)!
        }
    }

    func deallocate() {
        fields.deallocate()
        starts.deallocate()
    }

    /// Symbol `s`'s bar `b` (which it has), at `time`.
    @inline(__always)
    func bar(_ s: Int, _ b: Int, time: Timestamp) -> Bar {
        let f = fields + s * 5
        return Bar(time: time, open: f[0][b], high: f[1][b], low: f[2][b], close: f[3][b], volume: f[4][b])
    }

    @inline(__always) func high(_ s: Int, _ b: Int) -> Double { fields[s * 5 + 1][b] }
    @inline(__always) func low(_ s: Int, _ b: Int) -> Double { fields[s * 5 + 2][b] }
    @inline(__always) func close(_ s: Int, _ b: Int) -> Double { fields[s * 5 + 3][b] }

    /// Asks for the cache lines of symbol `s`'s bar `b` in columns `from..<6` (0: times),
    /// a hint that never faults.
    @inline(__always)
    func prefetch(_ s: Int, bar b: Int, columnsFrom from: Int) {
        let offset = b * 8
        for k in from..<6 { qbt_prefetch(starts[s * 6 + k] + offset) }
    }
}
