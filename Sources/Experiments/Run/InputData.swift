import Config
import Analysis
import Foundation
import RunProvenance
import MarketData
import Model

/// Loads a config's data source, applies its checks and its date range.
struct InputData {
    var series: [BarSeries]
    var report: ValidationReport
    /// Paths as the config wrote them, for the summary.
    var paths: [String]
    /// Every file read, hashed: for provenance.
    var files: [DataFileRecord]

    /// `workers` caps the parallel work (files, halves of a big file, hashing); any value
    /// gives the same result.
    static func load(_ config: ExperimentConfig, root: URL, workers: Int = .max) throws -> InputData {
        let source = config.data
        var loaded: [CSVBarLoader.Loaded]
        var paths: [String]
        var files: [DataFileRecord]
        if let sqlite = source.sqlite {
            paths = [sqlite]
            let url = URL(fileURLWithPath: resolve(sqlite, root: root))
            loaded = try SQLiteBarLoader.load(path: url.path, table: source.table, symbols: source.symbols, checks: source.checks)
            files = [try DataFileRecord.read(url, as: sqlite)]
        } else {
            paths = source.files
            let checks = source.checks
            let threshold = workers > 1 ? 4 << 20 : Int.max
            let jobs = zip(source.files, config.symbolNames).map { (path: $0, url: resolve($0, root: root), symbol: $1) }
            // Hashing (for provenance) runs on its own thread beside the parse, not inside
            // the parse's parallel map: a nested concurrentPerform would run the two halves
            // of a big file one after the other. With one worker it runs after the parse.
            let hashes = { @Sendable in
                try jobs.map { job -> DataFileRecord in try DataFileRecord.read(URL(fileURLWithPath: job.url), as: job.path) }
            }
            let background = workers > 1 ? BackgroundTask { Result { try hashes() } } : nil
            do {
                loaded = try jobs.orderedConcurrentMap(workers: workers) {
                    try CSVBarLoader.load(path: $0.url, symbol: $0.symbol, checks: checks, parallelThreshold: threshold)
                }
            } catch {
                _ = background?.value  // no thread left reading when the process exits on this error
                throw error
            }
            files = try background?.value.get() ?? hashes()
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
            let sliced = l.series.slice(from: source.start, through: source.end.map(\.inclusiveDayEnd))
            if sliced.isEmpty {
                let from = source.start?.dateString ?? "the start"
                let to = source.end?.dateString ?? "the end"
                throw ConfigError("data.start/data.end: \(from) to \(to) selects no bars of \(l.series.symbol); "
                    + "its data runs from \(Timestamp(milliseconds: first)) to \(Timestamp(milliseconds: last))")
            }
            return sliced
        }
        return InputData(series: series, report: report, paths: paths, files: files)
    }

    static func resolve(_ path: String, root: URL) -> String {
        path.hasPrefix("/") ? path : root.appendingPathComponent(path).path
    }
}
