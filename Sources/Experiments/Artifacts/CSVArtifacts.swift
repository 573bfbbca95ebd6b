import Analysis
import Engine
import Model

/// The run's CSV artifacts as bytes, in canonical order: fills by (time, fill id), trades by
/// (exit time, trade id), equity one row per timestamp, rejections by time. Numbers use
/// Swift's shortest round-trip form.
enum CSVArtifacts {
    /// Every CSV file of a run, named with `prefix` (a folder, for validation scenarios),
    /// ready for `RunDirectory.writeConcurrently`.
    static func all(_ result: BacktestResult, every: Int64?, prefix: String = "") -> [RunFile] {
        [
            RunFile(prefix + "equity.csv") { equity(result, every: every) },
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

    /// One row per timestamp. A value equal to the previous row's reuses its text: while
    /// flat, equity and cash repeat for thousands of minute bars. Rows are written straight
    /// into an uninitialised buffer (a year of minutes is 30 MB; per-byte appends cost more
    /// than the formatting).
    ///
    /// `every` (milliseconds) keeps only the last bar of each period of that length
    /// (aligned to the Unix epoch, so days are UTC days): the equity at each period's close.
    static func equity(_ r: BacktestResult, every: Int64? = nil) -> [UInt8] {
        let header = Array((ArtifactSchema.equity.header + "\n").utf8)
        let maxRow = 24 + 1 + 32 + 1 + 32 + 1
        return [UInt8](unsafeUninitializedCapacity: header.count + r.times.count * maxRow) { buffer, count in
            var at = 0
            func put(_ bytes: UnsafeRawBufferPointer) {
                guard let source = bytes.baseAddress, bytes.count > 0 else { return }
                precondition(at + bytes.count <= buffer.count, "equity row longer than its reserved space")
                (UnsafeMutableRawPointer(buffer.baseAddress!) + at).copyMemory(from: source, byteCount: bytes.count)
                at += bytes.count
            }
            header.withUnsafeBytes(put)
            var lastEquity = Double.nan, lastCash = Double.nan
            var equityText = "", cashText = ""
            var clock = ISO8601Writer()
            var stamp: [UInt8] = []
            stamp.reserveCapacity(32)
            let last = r.times.count - 1
            for i in r.times.indices {
                if let every, i < last, r.times[i] / every == r.times[i + 1] / every { continue }
                stamp.removeAll(keepingCapacity: true)
                clock.append(Timestamp(milliseconds: r.times[i]), to: &stamp)
                stamp.withUnsafeBytes(put)
                buffer[at] = 44; at += 1
                if r.equity[i] != lastEquity { lastEquity = r.equity[i]; equityText = CanonicalValue.format(lastEquity) }
                equityText.withUTF8 { put(UnsafeRawBufferPointer($0)) }
                buffer[at] = 44; at += 1
                if r.cash[i] != lastCash { lastCash = r.cash[i]; cashText = CanonicalValue.format(lastCash) }
                cashText.withUTF8 { put(UnsafeRawBufferPointer($0)) }
                buffer[at] = 10; at += 1
            }
            count = at
        }
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
    mutating func int(_ i: Int) { bytes.append(contentsOf: String(i).utf8) }
    mutating func number(_ d: Double) { text(CanonicalValue.format(d)) }
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
