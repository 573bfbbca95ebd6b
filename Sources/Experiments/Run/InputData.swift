import Foundation
import MarketData
import Model

/// Loads a config's data source, applies its checks and its date range.
struct InputData {
    var series: [BarSeries]
    var report: ValidationReport
    /// Paths as the config wrote them, for the summary (and provenance later).
    var paths: [String]

    static func load(_ config: ExperimentConfig, root: URL) throws -> InputData {
        let source = config.data
        var loaded: [CSVBarLoader.Loaded]
        var paths: [String]
        if let sqlite = source.sqlite {
            paths = [sqlite]
            loaded = try SQLiteBarLoader.load(path: resolve(sqlite, root: root), table: source.table,
                                              symbols: source.symbols, checks: source.checks)
        } else {
            paths = source.files
            let jobs = zip(source.files, config.symbolNames).map { (path: resolve($0, root: root), symbol: $1) }
            // Files load in parallel; results (and the first error) are taken in file order.
            let checks = source.checks
            loaded = try jobs.orderedConcurrentMap { try CSVBarLoader.load(path: $0.path, symbol: $0.symbol, checks: checks) }
        }
        var report = ValidationReport()
        for l in loaded { report.merge(l.report) }
        let names = loaded.map(\.series.symbol)
        if let dup = names.first(where: { n in names.filter { $0 == n }.count > 1 }) {
            throw ConfigError("data.symbols: symbol '\(dup)' appears twice; give each file its own name with data.symbols")
        }
        let series = try loaded.map { l -> BarSeries in
            guard let first = l.series.times.first, let last = l.series.times.last else {
                throw DataError("\(l.series.symbol): no bars left after the data checks (\(l.report.rowsRead) rows read)")
            }
            let sliced = l.series.slice(from: source.start, through: source.end.map(endOfDay))
            if sliced.isEmpty {
                let from = source.start?.dateString ?? "the start"
                let to = source.end?.dateString ?? "the end"
                throw ConfigError("data.start/data.end: \(from) to \(to) selects no bars of \(l.series.symbol); "
                    + "its data runs from \(Timestamp(milliseconds: first)) to \(Timestamp(milliseconds: last))")
            }
            return sliced
        }
        return InputData(series: series, report: report, paths: paths)
    }

    /// A date-only end (midnight) means the whole day.
    static func endOfDay(_ t: Timestamp) -> Timestamp {
        t.milliseconds % Timestamp.millisecondsPerDay == 0
            ? Timestamp(milliseconds: t.milliseconds + Timestamp.millisecondsPerDay - 1) : t
    }

    static func resolve(_ path: String, root: URL) -> String {
        path.hasPrefix("/") ? path : root.appendingPathComponent(path).path
    }
}
