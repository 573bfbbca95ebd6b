import GRDB
import GRDBSQLite

/// Inserts trade rows by binding SQLite directly. A run can close 100,000 trades, and going
/// through GRDB's `StatementArguments` (an array of existentials per row) was half the
/// CPU of indexing such a run; the rows and their order are the same either way.
struct TradeInserter {
    private let statement: SQLiteStatement
    private let connection: SQLiteConnection

    init(_ db: Database) throws {
        let sql = """
            INSERT INTO trades (run_id, trade_id, symbol, direction, quantity, entry_time, entry_price, exit_time, exit_price, commission,
                pnl, "return", bars, tag) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """
        // GRDB's cached statement, used only through its SQLite handle here.
        statement = try db.cachedStatement(sql: sql).sqliteStatement
        connection = db.sqliteConnection!
    }

    func insert(_ trades: [TradeRecord]) throws {
        for t in trades {
            sqlite3_reset(statement)
            text(1, t.runID); sqlite3_bind_int64(statement, 2, Int64(t.tradeID)); text(3, t.symbol); text(4, t.direction)
            sqlite3_bind_double(statement, 5, t.quantity); text(6, t.entryTime); sqlite3_bind_double(statement, 7, t.entryPrice)
            text(8, t.exitTime); sqlite3_bind_double(statement, 9, t.exitPrice); sqlite3_bind_double(statement, 10, t.commission)
            sqlite3_bind_double(statement, 11, t.pnl); sqlite3_bind_double(statement, 12, t.return)
            sqlite3_bind_int64(statement, 13, Int64(t.bars)); text(14, t.tag)
            let code = sqlite3_step(statement)
            guard code == SQLITE_DONE else {
                let message = String(cString: sqlite3_errmsg(connection))
                sqlite3_reset(statement)
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
            }
        }
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
    }

    /// Binds a copy of `value` (SQLITE_TRANSIENT): the string's buffer does not outlive the call.
    private func text(_ index: Int32, _ value: String) {
        var value = value
        value.withUTF8 { bytes in
            _ = bytes.withMemoryRebound(to: CChar.self) {
                sqlite3_bind_text(statement, index, $0.baseAddress, Int32($0.count), Self.transient)
            }
        }
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
