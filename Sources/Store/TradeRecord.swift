import GRDB

/// A closed trade, as trades.csv has it.
public struct TradeRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "trades"
    public var runID: String
    public var tradeID: Int
    public var symbol: String
    public var direction: String
    public var quantity: Double
    public var entryTime: String
    public var entryPrice: Double
    public var exitTime: String
    public var exitPrice: Double
    public var commission: Double
    public var pnl: Double
    public var `return`: Double
    public var bars: Int
    /// The entry order's tag ("" when untagged, and for runs recorded before tags).
    public var tag: String

    enum CodingKeys: String, CodingKey {
        case symbol, direction, quantity, commission, pnl, `return`, bars, tag
        case runID = "run_id", tradeID = "trade_id", entryTime = "entry_time", entryPrice = "entry_price"
        case exitTime = "exit_time", exitPrice = "exit_price"
    }

    public init(runID: String, tradeID: Int, symbol: String, direction: String, quantity: Double, entryTime: String, entryPrice: Double,
                exitTime: String, exitPrice: Double, commission: Double, pnl: Double, return r: Double, bars: Int, tag: String = "") {
        (self.runID, self.tradeID, self.symbol, self.direction, self.quantity) = (runID, tradeID, symbol, direction, quantity)
        (self.entryTime, self.entryPrice, self.exitTime, self.exitPrice) = (entryTime, entryPrice, exitTime, exitPrice)
        (self.commission, self.pnl, self.return, self.bars, self.tag) = (commission, pnl, r, bars, tag)
    }

    /// The columns of trades.csv, in its order (`tag` is missing from runs recorded before tags).
    public static let columns = ["trade_id", "symbol", "direction", "quantity", "entry_time", "entry_price", "exit_time", "exit_price",
                                 "commission", "pnl", "return", "bars", "tag"]
}
