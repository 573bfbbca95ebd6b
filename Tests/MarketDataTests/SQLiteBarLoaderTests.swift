import Foundation
import GRDB
import MarketData
import Model
import Testing

private func makeDatabase() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("qbt-\(UUID().uuidString).sqlite").path
    let db = try DatabaseQueue(path: path)
    try db.write { db in
        try db.execute(sql: "CREATE TABLE crypto_ohlcv(symbol TEXT, timestamp, open REAL, high REAL, low REAL, close REAL, volume REAL)")
        // Out of order on purpose, with text and integer timestamps.
        try db.execute(sql: "INSERT INTO crypto_ohlcv VALUES ('BTC', '2023-01-01T00:01:00Z', 2, 3, 1, 2.5, 1)")
        try db.execute(sql: "INSERT INTO crypto_ohlcv VALUES ('BTC', '2023-01-01T00:00:00Z', 1, 2, 0.5, 1.5, 1)")
        try db.execute(sql: "INSERT INTO crypto_ohlcv VALUES ('ETH', 1672531200, 10, 11, 9, 10.5, 3)")
    }
    return path
}

/// Loads several symbols in time order, whatever the table's row order.
@Test func loadsSymbolsFromSQLite() throws {
    let path = try makeDatabase()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let loaded = try SQLiteBarLoader.load(path: path, symbols: ["BTC", "ETH"])
    #expect(loaded.map(\.series.symbol) == ["BTC", "ETH"])
    #expect(loaded[0].series.close == [1.5, 2.5])
    #expect(loaded[1].series.times == [Timestamp(year: 2023, month: 1, day: 1).milliseconds])
}

/// An unknown symbol names what the table holds.
@Test func unknownSQLiteSymbol() throws {
    let path = try makeDatabase()
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
        _ = try SQLiteBarLoader.load(path: path, symbols: ["btc"])
        Issue.record("expected an error")
    } catch {
        #expect("\(error)" == "\(path): table 'crypto_ohlcv' has no rows for symbol 'btc' (did you mean 'BTC'?); symbols present: BTC, ETH")
    }
}
