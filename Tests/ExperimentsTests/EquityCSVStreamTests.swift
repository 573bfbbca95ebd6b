import Foundation
@testable import Engine
@testable import Experiments
import Model
import RunProvenance
import Testing

private func result(_ n: Int, step: Int64) -> BacktestResult {
    let times = (0..<n).map { Int64($0) * step }
    let equity = (0..<n).map { 100_000 + Double($0 % 97) / 8 }, cash = (0..<n).map { $0 % 5 == 0 ? 0.5 : 100_000 - Double($0) }
    return BacktestResult(symbols: ["X"], times: times, equity: equity, cash: cash, fills: [], trades: [], rejections: [], riskEvents: [],
                          ordersSubmitted: 0, ordersCancelled: 0, ordersExpired: 0, replacesFailed: 0, ordersOutsideWindows: 0,
                          exposedAtClose: [], exposedBars: 0, barsProcessed: n, openPositionsAtEnd: 0, initialCapital: 100_000)
}

private func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("equity-stream-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// equity.csv formatted chunk by chunk is the file formatted whole, with and without
/// `equity_every` (a day), whatever the chunks' size, periods crossing chunk boundaries.
@Test(arguments: [nil, 86_400_000] as [Int64?])
func equityRowsInChunksAreTheWholeFile(every: Int64?) {
    let r = result(5_000, step: 60_000 * 7)  // 5,000 steps of 7 minutes
    let whole = ArtifactSink.collect(name: "equity.csv") { CSVArtifacts.equity(r, every: every, into: $0) }
    for chunk in [1, 13, 1_000, 4_999, 5_000] {
        let pieces = ArtifactSink.collect(name: "equity.csv") { sink in
            var rows = EquityRows(every: every, into: sink)
            for start in stride(from: 0, to: r.times.count, by: chunk) {
                let end = min(start + chunk, r.times.count)
                rows.add(times: r.times[start..<end], equity: r.equity[start..<end], cash: r.cash[start..<end], into: sink)
            }
            rows.finish(into: sink)
        }
        #expect(pieces == whole, "chunks of \(chunk) differ")
    }
    // The last step, 4,999 · 7 = 34,993 minutes in, is in day 24: days 0 to 24, one row each.
    if every != nil { #expect(String(decoding: whole, as: UTF8.self).split(separator: "\n").count == 1 + 25) }
}

/// The stream's file, placed in the run folder, is the file the run would write, with its
/// SHA-256; nothing is left in the directory it was made in. A second placing fails
/// (the caller then writes the file itself), and so does a place that does not exist.
@Test func streamedEquityIsPlacedWhole() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = result(40_000, step: 60_000)
    let expected = ArtifactSink.collect(name: "equity.csv") { CSVArtifacts.equity(r, into: $0) }
    let stream = try #require(EquityCSVStream(in: dir, every: nil))
    let feed = stream.feed
    for start in stride(from: 0, to: 40_000, by: 8_192) {
        let end = min(start + 8_192, 40_000)
        feed.receive(start, Array(r.times[start..<end]), Array(r.equity[start..<end]), Array(r.cash[start..<end]))
    }
    stream.close()
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    let target = dir.appendingPathComponent("equity.csv")
    #expect(stream.place(at: target) == SHA256Text.of(Data(expected)))
    #expect(try Data(contentsOf: target) == Data(expected))
    #expect(stream.place(at: dir.appendingPathComponent("again.csv")) == nil)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["equity.csv"])
    let other = try #require(EquityCSVStream(in: dir, every: nil))
    #expect(other.place(at: dir.appendingPathComponent("missing/equity.csv")) == nil)
}

/// A stream that is never placed (the run failed) leaves nothing behind.
@Test func unplacedStreamLeavesNothing() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    do {
        let stream = try #require(EquityCSVStream(in: dir, every: nil))
        stream.feed.receive(0, [0, 60_000], [1, 2], [1, 2])
        stream.close()
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    #expect(EquityCSVStream(in: dir.appendingPathComponent("absent"), every: nil) == nil)
}
