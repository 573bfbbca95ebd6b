import Model

/// What a comparison needs to know about each artifact of a run: its columns, which of
/// them identify a row (rows are matched by these, so an added trade does not shift every
/// row after it) and which are counters that are renumbered when rows come or go.
package struct ArtifactSchema: Sendable {
    package enum Kind: Sendable { case csv, json, yaml }

    package let name: String
    package let kind: Kind
    package let columns: [String]
    /// Rows are matched by these columns (with a running count for repeats).
    package let key: [String]
    /// Counters (trade_id, fill_id, order_id): shown, but not compared once rows are matched.
    package let labels: [String]

    package static let trades = ArtifactSchema(
        name: "trades.csv", kind: .csv,
        columns: ["trade_id", "symbol", "direction", "quantity", "entry_time", "entry_price", "exit_time", "exit_price",
                  "commission", "pnl", "return", "bars", "tag"],
        key: ["symbol", "entry_time"], labels: ["trade_id"])
    package static let fills = ArtifactSchema(
        name: "fills.csv", kind: .csv,
        columns: ["fill_id", "order_id", "time", "symbol", "side", "quantity", "price", "commission", "slippage"],
        key: ["time", "symbol", "side"], labels: ["fill_id", "order_id"])
    package static let equity = ArtifactSchema(
        name: "equity.csv", kind: .csv, columns: ["timestamp", "equity", "cash"], key: ["timestamp"], labels: [])
    package static let rejections = ArtifactSchema(
        name: "rejections.csv", kind: .csv,
        columns: ["time", "order_id", "symbol", "side", "requested_quantity", "approved_quantity", "rule", "detail"],
        key: ["time", "symbol", "rule"], labels: ["order_id"])
    package static let riskEvents = ArtifactSchema(
        name: "risk_events.csv", kind: .csv, columns: ["time", "rule", "event", "symbol", "detail"],
        key: ["time", "rule", "event", "symbol"], labels: [])
    package static let metrics = ArtifactSchema(name: "metrics.json", kind: .json, columns: [], key: [], labels: [])
    package static let breakdowns = ArtifactSchema(name: "breakdowns.json", kind: .json, columns: [], key: [], labels: [])
    package static let config = ArtifactSchema(name: "config.yaml", kind: .yaml, columns: [], key: [], labels: [])

    package static let all: [ArtifactSchema] = [config, trades, fills, equity, rejections, riskEvents, metrics, breakdowns]

    /// The schema for a file name; an unknown CSV is matched row by row.
    package static func named(_ name: String) -> ArtifactSchema {
        // A validation run keeps each scenario's files in a folder: splits/train/trades.csv.
        let file = name.split(separator: "/").last.map(String.init) ?? name
        if let known = all.first(where: { $0.name == file }) { return known }
        if name.hasSuffix(".json") { return ArtifactSchema(name: name, kind: .json, columns: [], key: [], labels: []) }
        if name.hasSuffix(".yaml") { return ArtifactSchema(name: name, kind: .yaml, columns: [], key: [], labels: []) }
        return ArtifactSchema(name: name, kind: .csv, columns: [], key: [], labels: [])
    }

    package var header: String { columns.joined(separator: ",") }
}
