import Foundation
import MarketData
import Model

/// `quantbt data synth`: generates a synthetic OHLCV file and reports its SHA-256.
public enum SampleData {
    public struct Written: Sendable {
        public var path: String
        public var rows: Int
        public var sha256: String
        public var first: String
        public var last: String
    }

    /// `1m`, `5m`, `15m`, `1h`, `4h`, `1d` → milliseconds.
    public static func interval(_ text: String) throws -> Int64 {
        let units: [(String, Int64)] = [("m", 60_000), ("h", 3_600_000), ("d", 86_400_000)]
        for (suffix, ms) in units where text.hasSuffix(suffix) {
            if let n = Int64(text.dropLast()), n > 0 { return n * ms }
        }
        throw ConfigError("--interval '\(text)': use a count and a unit, e.g. 1m, 5m, 1h or 1d")
    }

    public static func synthesize(symbol: String, seed: UInt64, start: String, interval: String, bars: Int,
                                  price: Double, regimes: String, weekdaysOnly: Bool, out: String) throws -> Written {
        guard let startTime = Timestamp.parse(start) else {
            throw ConfigError("--start '\(start)' is not a date; use 2023-01-01 or 2023-01-01T00:00:00Z")
        }
        guard bars > 0 else { throw ConfigError("--bars must be positive, got \(bars)") }
        guard price > 0 else { throw ConfigError("--price must be positive, got \(price)") }
        let market = SyntheticMarket(symbol: symbol, seed: seed, start: startTime, intervalMs: try self.interval(interval),
                                     bars: bars, startPrice: price, segments: try SyntheticMarket.parseSegments(regimes),
                                     weekdaysOnly: weekdaysOnly)
        let series = market.generate()
        let data = Data(CSVBarWriter.csv(series))
        let url = URL(fileURLWithPath: out)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: temp)
            if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
            try FileManager.default.moveItem(at: temp, to: url)
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw ConfigError("cannot write '\(out)': \(error.localizedDescription)")
        }
        return Written(path: out, rows: series.count, sha256: RunDirectory.sha256(data),
                       first: Timestamp(milliseconds: series.times.first!).description,
                       last: Timestamp(milliseconds: series.times.last!).description)
    }
}
