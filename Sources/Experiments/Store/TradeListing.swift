import Store

/// `quantbt runs trades`: the stored trades in trades.csv's own columns and number form.
package enum TradeListing {
    package static func csv(_ trades: [TradeRecord]) -> String {
        ([TradeRecord.columns.joined(separator: ",")] + trades.map { t in
            [String(t.tradeID), t.symbol, t.direction, CanonicalValue.format(t.quantity), t.entryTime, CanonicalValue.format(t.entryPrice), t.exitTime,
             CanonicalValue.format(t.exitPrice), CanonicalValue.format(t.commission), CanonicalValue.format(t.pnl), CanonicalValue.format(t.return),
             String(t.bars), csvField(t.tag)].joined(separator: ",")
        }).joined(separator: "\n")
    }

    /// As trades.csv writes it: quoted only when a comma or quote is in it.
    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    package static func json(_ trades: [TradeRecord]) -> String {
        CanonicalValue.list(trades.map { t in
            .map(["trade_id": .int(t.tradeID), "symbol": .string(t.symbol), "direction": .string(t.direction), "quantity": .number(t.quantity),
                  "entry_time": .string(t.entryTime), "entry_price": .number(t.entryPrice), "exit_time": .string(t.exitTime),
                  "exit_price": .number(t.exitPrice), "commission": .number(t.commission), "pnl": .number(t.pnl), "return": .number(t.return),
                  "bars": .int(t.bars), "tag": .string(t.tag)])
        }).json().trimmingCharacters(in: .newlines)
    }
}
