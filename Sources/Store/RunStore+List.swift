import GRDB

extension RunStore {
    /// What `runs list` asks for. Without a kind, top-level runs only (children are listed
    /// with `--kind split|scenario|cell|fold`).
    public struct Query: Sendable {
        public var experiment: String?
        public var kind: String?
        public var filter: RunFilter?
        /// `started` (default), `id`, `experiment`, `metrics.KEY`, `metrics.SEGMENT.KEY` or `params.KEY`.
        public var sortBy = "started"
        public var descending = true
        /// 0: no limit.
        public var limit = 100
        /// Count every match too (for "20 of 1,234"); a second query.
        public var countTotal = true

        public init() {}
    }

    /// The matching runs and how many match in all (beyond the limit; -1 when not counted).
    public func list(_ q: Query) throws -> (runs: [ListedRun], total: Int) {
        var conditions: [String] = [], arguments: [DatabaseValueConvertible?] = []
        if let e = q.experiment { conditions.append("runs.experiment = ?"); arguments.append(e) }
        if let k = q.kind { conditions.append("runs.kind = ?"); arguments.append(k) } else { conditions.append("runs.parent_id IS NULL") }
        if let f = q.filter {
            let (clause, args) = f.sql
            conditions.append(clause)
            arguments += args.map(Self.value)
        }
        let whereSQL = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let (orderSQL, orderArgs) = try Self.order(q.sortBy)
        let direction = q.descending ? "DESC" : "ASC"
        return try pool.read { db in
            let total = q.countTotal ? try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs \(whereSQL)", arguments: StatementArguments(arguments)!) ?? 0 : -1
            // Sorting the ids alone, then reading those rows, keeps whole rows out of SQLite's
            // sorter: over 1,000 runs a page of 50 takes half the time.
            let order = "ORDER BY (\(orderSQL)) IS NULL, (\(orderSQL)) \(direction), runs.id \(direction)"
            let page = "SELECT runs.id FROM runs \(whereSQL) \(order)" + (q.limit > 0 ? " LIMIT \(q.limit)" : "")
            let sql = "SELECT runs.* FROM runs WHERE runs.id IN (\(page)) \(order)"
            let rows = try RunRecord.fetchAll(db, sql: sql, arguments: StatementArguments(arguments + orderArgs + orderArgs + orderArgs + orderArgs)!)
            return (try details(rows, db), total)
        }
    }

    /// Params, full metrics and tags of `rows`, fetched in three queries.
    private func details(_ rows: [RunRecord], _ db: Database) throws -> [ListedRun] {
        guard !rows.isEmpty else { return [] }
        let ids = rows.map(\.id)
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ",")
        let args = StatementArguments(ids)
        var params: [String: [(String, String)]] = [:], metrics: [String: [(String, Double?)]] = [:], tags: [String: [(String, String)]] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT run_id, key, text FROM params WHERE run_id IN (\(placeholders)) ORDER BY key", arguments: args) {
            params[r[0], default: []].append((r[1], r[2]))  // by index: a name lookup lowercases it each time
        }
        for r in try Row.fetchAll(db, sql: "SELECT run_id, key, value FROM metrics WHERE segment = 'full' AND run_id IN (\(placeholders)) ORDER BY key", arguments: args) {
            metrics[r[0], default: []].append((r[1], r[2]))
        }
        for r in try Row.fetchAll(db, sql: "SELECT run_id, key, value FROM tags WHERE run_id IN (\(placeholders)) ORDER BY key", arguments: args) {
            tags[r[0], default: []].append((r[1], r[2]))
        }
        return rows.map { ListedRun(run: $0, params: params[$0.id] ?? [], metrics: metrics[$0.id] ?? [], tags: tags[$0.id] ?? []) }
    }

    static func value(_ a: DatabaseArgument) -> DatabaseValueConvertible? {
        switch a {
        case .number(let d): d
        case .text(let s): s
        }
    }

    /// The ORDER BY expression for a sort key (used twice: nulls last, then the value).
    static func order(_ key: String) throws -> (String, [DatabaseValueConvertible?]) {
        let parts = key.split(separator: ".").map(String.init)
        switch parts.first {
        case "metrics" where parts.count == 2 || parts.count == 3:
            let segment = parts.count == 3 ? parts[1] : "full"
            return ("SELECT value FROM metrics WHERE run_id = runs.id AND segment = ? AND key = ?", [segment, parts.last!])
        case "params" where parts.count >= 2:
            // Numbers sort as numbers; text after them.
            return ("SELECT COALESCE(number, text) FROM params WHERE run_id = runs.id AND key = ?", [parts.dropFirst().joined(separator: ".")])
        default:
            guard let column = RunFilter.runColumns[key] else {
                throw StoreError("--sort-by '\(key)': sort by started, finished, id, experiment, kind, status, metrics.KEY, metrics.SEGMENT.KEY or params.KEY")
            }
            return (column, [])
        }
    }
}
