import Foundation
import GRDB
import Model

/// Reads bars from a SQLite table laid out as `crypto_ohlcv(symbol, timestamp, open, high,
/// low, close, volume)` (the table name is configurable). `timestamp` may be ISO-8601 text
/// or epoch seconds or milliseconds. Rows are read in timestamp order per symbol, so the
/// table needs no particular order; duplicates are still caught.
public enum SQLiteBarLoader {
    public static func load(path: String, table: String = "crypto_ohlcv", symbols: [String],
                            checks: DataChecks = .init()) throws -> [CSVBarLoader.Loaded] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw DataError("cannot read SQLite database '\(path)': no such file; check data.sqlite in the experiment config")
        }
        guard table.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw DataError("data.table '\(table)' is not a plain table name (letters, digits and _ only)")
        }
        var configuration = Configuration()
        configuration.readonly = true
        let queue: DatabaseQueue
        do { queue = try DatabaseQueue(path: path, configuration: configuration) } catch {
            throw DataError("cannot open SQLite database '\(path)': \(error)")
        }
        return try queue.read { db in
            guard try db.tableExists(table) else {
                throw DataError("\(path): no table '\(table)'; expected \(table)(symbol, timestamp, open, high, low, close, volume)")
            }
            let available = try String.fetchAll(db, sql: "SELECT DISTINCT symbol FROM \(table) ORDER BY symbol")
            return try symbols.map { symbol in
                guard available.contains(symbol) else {
                    var message = "\(path): table '\(table)' has no rows for symbol '\(symbol)'"
                    if let hint = closestSymbol(symbol, available) { message += " (did you mean '\(hint)'?)" }
                    message += "; symbols present: \(available.prefix(20).joined(separator: ", "))"
                    throw DataError(message)
                }
                return try loadSymbol(db, path: path, table: table, symbol: symbol, checks: checks)
            }
        }
    }

    private static func loadSymbol(_ db: Database, path: String, table: String, symbol: String,
                                   checks: DataChecks) throws -> CSVBarLoader.Loaded {
        var series = BarSeries(symbol: symbol)
        var validator = BarValidator(checks: checks)
        let rows = try Row.fetchCursor(db, sql: """
            SELECT rowid, timestamp, open, high, low, close, volume FROM \(table)
            WHERE symbol = ? ORDER BY timestamp, rowid
            """, arguments: [symbol])
        while let row = try rows.next() {
            let rowid: Int64 = row[0]
            let location = { "\(path): table \(table), rowid \(rowid)" }
            let time: Timestamp?
            switch (row[1] as DatabaseValue).storage {
            case .int64(let epoch): time = Timestamp.parse(String(epoch))
            case .double(let epoch) where epoch == epoch.rounded(): time = Timestamp.parse(String(Int64(epoch)))
            case .string(let text): time = Timestamp.parse(text)
            default: time = nil
            }
            guard let time else {
                throw DataError("\(location()): column 'timestamp': '\(row[1] as DatabaseValue)' is not a timestamp")
            }
            var missing: String?
            func number(_ i: Int, _ name: String) -> Double {
                guard let v: Double = row[i], !v.isNaN else { missing = missing ?? name; return .nan }
                return v
            }
            let bar = Bar(time: time, open: number(2, "open"), high: number(3, "high"), low: number(4, "low"),
                          close: number(5, "close"), volume: number(6, "volume"))
            if try validator.admit(bar, missingColumn: missing, location: location) { series.append(bar) }
        }
        return CSVBarLoader.Loaded(series: series, report: validator.report)
    }

    private static func closestSymbol(_ s: String, _ candidates: [String]) -> String? {
        candidates.first { $0.lowercased() == s.lowercased() }
    }
}
