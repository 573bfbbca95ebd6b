import Analysis
import Engine
import Model
import Store

/// The run's CSV artifacts as bytes, in canonical order: fills by (time, fill id), trades by
/// (exit time, trade id), equity one row per timestamp, rejections by time. Numbers use
/// Swift's shortest round-trip form.
enum CSVArtifacts {
    /// Every CSV file of a run, named with `prefix` (a folder, for validation scenarios),
    /// ready for `RunDirectory.writeConcurrently`; the largest, equity.csv, first.
    static func all(_ result: BacktestResult, every: Int64?, prefix: String = "") -> [RunFile] {
        [
            RunFile(streamed: prefix + "equity.csv") { equity(result, every: every, into: $0) },
            RunFile(prefix + "trades.csv") { trades(result) },
            RunFile(prefix + "fills.csv") { fills(result) },
            RunFile(prefix + "rejections.csv") { rejections(result) },
            RunFile(prefix + "risk_events.csv") { riskEvents(result) },
        ]
    }

    static func trades(_ r: BacktestResult) -> [UInt8] {
        var w = ByteWriter(capacity: r.trades.count * 160 + 128)
        w.line(ArtifactSchema.trades.header)
        for t in r.trades {
            w.int(t.id); w.comma(); w.text(r.symbols[t.symbol]); w.comma(); w.text(t.direction.rawValue); w.comma()
            w.number(t.quantity); w.comma(); w.time(t.entryTime); w.comma(); w.number(t.entryPrice); w.comma()
            w.time(t.exitTime); w.comma(); w.number(t.exitPrice); w.comma(); w.number(t.commission); w.comma()
            w.number(t.pnl); w.comma(); w.number(t.returnFraction); w.comma(); w.int(t.bars); w.comma(); w.field(t.tag); w.newline()
        }
        return w.bytes
    }

    /// The rows of `trades(r)` as the results store reads them back from the file, made
    /// from the same values: times in the same text, numbers exactly (the file holds their
    /// shortest round-trip digits), non-finite numbers (`null` in the file) as 0.
    static func tradeRecords(_ r: BacktestResult, runID: String) -> [TradeRecord] {
        func number(_ x: Double) -> Double { x.isFinite ? x : 0 }
        return r.trades.map { t in
            TradeRecord(runID: runID, tradeID: t.id, symbol: r.symbols[t.symbol], direction: t.direction.rawValue, quantity: number(t.quantity),
                        entryTime: t.entryTime.description, entryPrice: number(t.entryPrice), exitTime: t.exitTime.description,
                        exitPrice: number(t.exitPrice), commission: number(t.commission), pnl: number(t.pnl), return: number(t.returnFraction),
                        bars: t.bars, tag: t.tag)
        }
    }

    static func fills(_ r: BacktestResult) -> [UInt8] {
        var w = ByteWriter(capacity: r.fills.count * 120 + 128)
        w.line(ArtifactSchema.fills.header)
        for f in r.fills {
            w.int(f.id); w.comma(); w.int(f.orderID); w.comma(); w.time(f.time); w.comma(); w.text(r.symbols[f.symbol])
            w.comma(); w.text(f.side.rawValue); w.comma(); w.number(f.quantity); w.comma(); w.number(f.price); w.comma()
            w.number(f.commission); w.comma(); w.number(f.slippage); w.newline()
        }
        return w.bytes
    }

    /// One row per timestamp, written into `sink` as it is formatted (a year of minutes is
    /// 30 MB); `EquityRows` formats them, here all at once, in a plain run chunk by chunk
    /// while the backtest runs (`EquityCSVStream`).
    static func equity(_ r: BacktestResult, every: Int64? = nil, into sink: ArtifactSink) {
        var rows = EquityRows(every: every, into: sink)
        rows.add(times: r.times[...], equity: r.equity[...], cash: r.cash[...], into: sink)
        rows.finish(into: sink)
    }

    static func rejections(_ r: BacktestResult) -> [UInt8] {
        var w = ByteWriter(capacity: r.rejections.count * 160 + 128)
        w.line(ArtifactSchema.rejections.header)
        for x in r.rejections {
            w.time(x.time); w.comma(); w.int(x.orderID); w.comma(); w.text(r.symbols[x.symbol]); w.comma()
            w.text(x.side.rawValue); w.comma(); w.number(x.requestedQuantity); w.comma(); w.number(x.approvedQuantity)
            w.comma(); w.text(x.rule.rawValue); w.comma(); w.quoted(x.detail); w.newline()
        }
        return w.bytes
    }
}

extension CSVArtifacts {
    /// Trips, resets, halts, flattenings and forced exits, in time order (the engine records
    /// them as they happen).
    static func riskEvents(_ r: BacktestResult) -> [UInt8] {
        var w = ByteWriter(capacity: r.riskEvents.count * 160 + 64)
        w.line(ArtifactSchema.riskEvents.header)
        for e in r.riskEvents {
            w.time(e.time); w.comma(); w.text(e.rule.rawValue); w.comma(); w.text(e.action.rawValue); w.comma()
            w.text(e.symbol.map { r.symbols[$0] } ?? ""); w.comma(); w.quoted(e.detail); w.newline()
        }
        return w.bytes
    }
}

/// Appends CSV fields to a byte buffer without building a String per row.
struct ByteWriter {
    var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func line(_ s: String) { bytes.append(contentsOf: s.utf8); bytes.append(10) }
    mutating func text(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }  // no intermediate Array for small strings
    }
    mutating func comma() { bytes.append(44) }
    mutating func newline() { bytes.append(10) }
    mutating func int(_ i: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { b in
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[0..<NumberText.write(i, to: b.baseAddress!)]))
        }
    }
    mutating func number(_ d: Double) { NumberText.append(d, to: &bytes) }
    mutating func time(_ t: Timestamp) { t.appendISO8601(to: &bytes) }
    /// A field quoted only when it must be (a comma or a quote in it): tags are usually plain words.
    mutating func field(_ s: String) {
        if s.utf8.contains(where: { $0 == 44 || $0 == 34 }) { quoted(s) } else { text(s) }
    }
    mutating func quoted(_ s: String) {
        bytes.append(34)
        for b in s.utf8 { if b == 34 { bytes.append(34) }; bytes.append(b) }
        bytes.append(34)
    }
}

/// The text of the last number written, reused while the value repeats.
struct NumberCache {
    private var value = Double.nan
    private var text = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))  // NumberText.maxBytes
    private var count = 0

    /// Writes the text of `x` at `p` and returns its length.
    @inline(__always)
    mutating func write(_ x: Double, to p: UnsafeMutablePointer<UInt8>) -> Int {
        if x.bitPattern != value.bitPattern || count == 0 {  // bits: -0.0 == 0.0 but prints apart
            value = x
            count = withUnsafeMutableBytes(of: &text) { NumberText.write(x, to: $0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
        }
        withUnsafeBytes(of: &text) { p.update(from: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count) }
        return count
    }
}
