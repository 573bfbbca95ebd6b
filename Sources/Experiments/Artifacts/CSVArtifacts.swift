import Analysis
import Engine
import Model
import Store

/// The run's CSV artifacts, formatted straight into their files (`ArtifactSink`), in
/// canonical order: fills by (time, fill id), trades by (exit time, trade id), equity one
/// row per timestamp, rejections by time. Numbers use Swift's shortest round-trip form.
enum CSVArtifacts {
    /// Every CSV file of a run, named with `prefix` (a folder, for validation scenarios),
    /// ready for `RunDirectory.writeConcurrently`; the largest, equity.csv, first.
    static func all(_ result: BacktestResult, every: Int64?, prefix: String = "") -> [RunFile] {
        [
            RunFile(streamed: prefix + "equity.csv") { equity(result, every: every, into: $0) },
            RunFile(streamed: prefix + "trades.csv") { trades(result, into: $0) },
            RunFile(streamed: prefix + "fills.csv") { fills(result, into: $0) },
            RunFile(streamed: prefix + "rejections.csv") { rejections(result, into: $0) },
            RunFile(streamed: prefix + "risk_events.csv") { riskEvents(result, into: $0) },
        ]
    }

    static func trades(_ r: BacktestResult, into w: ArtifactSink) {
        w.line(ArtifactSchema.trades.header)
        var entryClock = ISO8601Writer(), exitClock = ISO8601Writer()
        for t in r.trades {
            w.int(t.id); w.comma(); w.text(r.symbols[t.symbol]); w.comma(); w.text(t.direction.rawValue); w.comma()
            w.number(t.quantity); w.comma(); w.time(t.entryTime, &entryClock); w.comma(); w.number(t.entryPrice); w.comma()
            w.time(t.exitTime, &exitClock); w.comma(); w.number(t.exitPrice); w.comma(); w.number(t.commission); w.comma()
            w.number(t.pnl); w.comma(); w.number(t.returnFraction); w.comma(); w.int(t.bars); w.comma(); w.field(t.tag); w.newline()
        }
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

    static func fills(_ r: BacktestResult, into w: ArtifactSink) {
        w.line(ArtifactSchema.fills.header)
        var clock = ISO8601Writer()
        for f in r.fills {
            w.int(f.id); w.comma(); w.int(f.orderID); w.comma(); w.time(f.time, &clock); w.comma(); w.text(r.symbols[f.symbol])
            w.comma(); w.text(f.side.rawValue); w.comma(); w.number(f.quantity); w.comma(); w.number(f.price); w.comma()
            w.number(f.commission); w.comma(); w.number(f.slippage); w.newline()
        }
    }

    /// One row per timestamp, written into `sink` as it is formatted (a year of minutes is
    /// 30 MB); `EquityRows` formats them, here all at once, in a plain run chunk by chunk
    /// while the backtest runs (`EquityCSVStream`).
    static func equity(_ r: BacktestResult, every: Int64? = nil, into sink: ArtifactSink) {
        var rows = EquityRows(every: every, into: sink)
        rows.add(times: r.times[...], equity: r.equity[...], cash: r.cash[...], into: sink)
        rows.finish(into: sink)
    }

    static func rejections(_ r: BacktestResult, into w: ArtifactSink) {
        w.line(ArtifactSchema.rejections.header)
        var clock = ISO8601Writer()
        for x in r.rejections {
            w.time(x.time, &clock); w.comma(); w.int(x.orderID); w.comma(); w.text(r.symbols[x.symbol]); w.comma()
            w.text(x.side.rawValue); w.comma(); w.number(x.requestedQuantity); w.comma(); w.number(x.approvedQuantity)
            w.comma(); w.text(x.rule.rawValue); w.comma(); w.quoted(x.detail); w.newline()
        }
    }
}

extension CSVArtifacts {
    /// Trips, resets, halts, flattenings and forced exits, in time order (the engine records
    /// them as they happen).
    static func riskEvents(_ r: BacktestResult, into w: ArtifactSink) {
        w.line(ArtifactSchema.riskEvents.header)
        var clock = ISO8601Writer()
        for e in r.riskEvents {
            w.time(e.time, &clock); w.comma(); w.text(e.rule.rawValue); w.comma(); w.text(e.action.rawValue); w.comma()
            w.text(e.symbol.map { r.symbols[$0] } ?? ""); w.comma(); w.quoted(e.detail); w.newline()
        }
    }
}

/// CSV fields written straight into a sink's buffer, without a String or an Array per row.
extension ArtifactSink {
    func line(_ s: String) { text(s); newline() }
    func text(_ s: String) {
        var s = s
        s.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }
    @inline(__always) func comma() { byte(44) }
    @inline(__always) func newline() { byte(10) }
    @inline(__always) func byte(_ b: UInt8) {
        room(1)[0] = b
        advance(1)
    }
    func int(_ i: Int) { advance(NumberText.write(i, to: room(20))) }
    func number(_ d: Double) { advance(NumberText.write(d, to: room(NumberText.maxBytes))) }
    /// `Timestamp.appendISO8601`'s text; `clock` keeps the day's date between calls.
    func time(_ t: Timestamp, _ clock: inout ISO8601Writer) { advance(clock.write(t, to: room(64))) }
    /// A field quoted only when it must be (a comma or a quote in it): tags are usually plain words.
    func field(_ s: String) {
        if s.utf8.contains(where: { $0 == 44 || $0 == 34 }) { quoted(s) } else { text(s) }
    }
    func quoted(_ s: String) {
        byte(34)
        for b in s.utf8 {
            if b == 34 { byte(34) }
            byte(b)
        }
        byte(34)
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
