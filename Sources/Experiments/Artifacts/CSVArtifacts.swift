import Engine
import Model

/// The run's CSV artifacts as bytes, in canonical order: fills by (time, fill id), trades by
/// (exit time, trade id), equity one row per timestamp, rejections by time. Numbers use
/// Swift's shortest round-trip form.
enum CSVArtifacts {
    static func trades(_ r: BacktestResult) -> [UInt8] {
        var w = ByteWriter(capacity: r.trades.count * 160 + 128)
        w.line("trade_id,symbol,direction,quantity,entry_time,entry_price,exit_time,exit_price,commission,pnl,return,bars")
        for t in r.trades {
            w.int(t.id); w.comma(); w.text(r.symbols[t.symbol]); w.comma(); w.text(t.direction.rawValue); w.comma()
            w.number(t.quantity); w.comma(); w.time(t.entryTime); w.comma(); w.number(t.entryPrice); w.comma()
            w.time(t.exitTime); w.comma(); w.number(t.exitPrice); w.comma(); w.number(t.commission); w.comma()
            w.number(t.pnl); w.comma(); w.number(t.returnFraction); w.comma(); w.int(t.bars); w.newline()
        }
        return w.bytes
    }

    static func fills(_ r: BacktestResult) -> [UInt8] {
        var w = ByteWriter(capacity: r.fills.count * 120 + 128)
        w.line("fill_id,order_id,time,symbol,side,quantity,price,commission,slippage")
        for f in r.fills {
            w.int(f.id); w.comma(); w.int(f.orderID); w.comma(); w.time(f.time); w.comma(); w.text(r.symbols[f.symbol])
            w.comma(); w.text(f.side.rawValue); w.comma(); w.number(f.quantity); w.comma(); w.number(f.price); w.comma()
            w.number(f.commission); w.comma(); w.number(f.slippage); w.newline()
        }
        return w.bytes
    }

    /// One row per timestamp. A value equal to the previous row's reuses its bytes: while
    /// flat, equity and cash repeat for thousands of minute bars.
    static func equity(_ r: BacktestResult) -> [UInt8] {
        var w = ByteWriter(capacity: r.times.count * 60 + 64)
        w.line("timestamp,equity,cash")
        var lastEquity = Double.nan, lastCash = Double.nan
        var equityText = "", cashText = ""
        var clock = ISO8601Writer()
        for i in r.times.indices {
            clock.append(Timestamp(milliseconds: r.times[i]), to: &w.bytes)
            w.comma()
            // While flat, equity and cash repeat for thousands of bars: format each value once.
            if r.equity[i] != lastEquity { lastEquity = r.equity[i]; equityText = CanonicalValue.format(lastEquity) }
            w.text(equityText)
            w.comma()
            if r.cash[i] != lastCash { lastCash = r.cash[i]; cashText = CanonicalValue.format(lastCash) }
            w.text(cashText)
            w.newline()
        }
        return w.bytes
    }

    static func rejections(_ r: BacktestResult) -> [UInt8] {
        var w = ByteWriter(capacity: r.rejections.count * 160 + 128)
        w.line("time,order_id,symbol,side,requested_quantity,approved_quantity,rule,detail")
        for x in r.rejections {
            w.time(x.time); w.comma(); w.int(x.orderID); w.comma(); w.text(r.symbols[x.symbol]); w.comma()
            w.text(x.side.rawValue); w.comma(); w.number(x.requestedQuantity); w.comma(); w.number(x.approvedQuantity)
            w.comma(); w.text(x.rule); w.comma(); w.quoted(x.detail); w.newline()
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
    mutating func quoted(_ s: String) {
        bytes.append(34)
        for b in s.utf8 { if b == 34 { bytes.append(34) }; bytes.append(b) }
        bytes.append(34)
    }
}
