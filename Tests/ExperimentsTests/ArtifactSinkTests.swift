import Foundation
@testable import Engine
@testable import Experiments
import Model
import RunProvenance
import Testing

private func equityResult(times: [Int64], equity: [Double], cash: [Double]) -> BacktestResult {
    BacktestResult(symbols: ["X"], times: times, equity: equity, cash: cash, fills: [], trades: [], rejections: [], riskEvents: [],
                   ordersSubmitted: 0, ordersCancelled: 0, ordersExpired: 0, replacesFailed: 0, ordersOutsideWindows: 0,
                   exposedAtClose: [], exposedBars: 0, barsProcessed: times.count, openPositionsAtEnd: 0, initialCapital: 100)
}

/// equity.csv rows written by hand: repeated values reuse their text, -0.0 after 0.0 keeps
/// its sign (the two are equal, but print apart), NaN is null, a time with milliseconds
/// keeps them.
@Test func equityRowsByHand() {
    let r = equityResult(times: [0, 60_000, 86_400_000, 86_400_250], equity: [100, 100, 0.0, -0.0], cash: [100, .nan, 1e16, 0.1])
    let text = String(decoding: ArtifactSink.collect(name: "equity.csv") { CSVArtifacts.equity(r, into: $0) }, as: UTF8.self)
    #expect(text == """
        timestamp,equity,cash
        1970-01-01T00:00:00Z,100.0,100.0
        1970-01-01T00:01:00Z,100.0,null
        1970-01-02T00:00:00Z,0.0,1e+16
        1970-01-02T00:00:00.250Z,-0.0,0.1

        """)
}

/// A file larger than many chunks is written and hashed whole: the bytes on disk and the
/// returned SHA-256 are those of the same rows collected in memory.
@Test func streamedFileMatchesItsBytesAndHash() throws {
    let n = 50_000  // about 2.6 MB: ten chunks of 256 KB and a piece
    let times: [Int64] = (0..<n).map { Int64($0) * 60_000 }
    let equity: [Double] = (0..<n).map { (i: Int) -> Double in 100_000 + Double(i) / 7 }
    let cash: [Double] = (0..<n).map { (i: Int) -> Double in i % 3 == 0 ? 1.5 : 100_000 - Double(i) / 3 }
    let r = equityResult(times: times, equity: equity, cash: cash)
    let expected = ArtifactSink.collect(name: "equity.csv") { CSVArtifacts.equity(r, into: $0) }
    #expect(expected.count > 8 * ArtifactSink.chunk)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sink-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("equity.csv")
    let sink = try ArtifactSink(url: url, name: "equity.csv", hashed: true)
    CSVArtifacts.equity(r, into: sink)
    let digest = try sink.finish()
    let written = try Data(contentsOf: url)
    #expect(written == Data(expected))
    #expect(digest == SHA256Text.of(Data(expected)))
}

/// A full disk is an error naming the file and the reason, thrown when the file is finished.
@Test func aFailedWriteIsThrownByFinish() throws {
    let sink = try ArtifactSink(url: URL(fileURLWithPath: "/dev/full"), name: "equity.csv", hashed: true)
    let r = equityResult(times: (0..<10_000).map { Int64($0) * 60_000 }, equity: Array(repeating: 1, count: 10_000),
                         cash: Array(repeating: 1, count: 10_000))
    CSVArtifacts.equity(r, into: sink)
    #expect(throws: ConfigError("cannot write equity.csv in '/dev': No space left on device")) { try sink.finish() }
}
