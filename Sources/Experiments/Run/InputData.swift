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
    /// Every file read, hashed, for provenance: see `fileRecords()`.
    private var hashing: Once<Result<[DataFileRecord], Error>>

    /// The files read, with their SHA-256. With more than one worker they are hashed on
    /// another thread from the moment the parse ends (the parse keeps every core busy; the
    /// backtest after it, one), so by the time the run is written this rarely waits.
    func fileRecords() throws -> [DataFileRecord] { try hashing.value.get() }

    /// `workers` caps the parallel work (files, halves of a big file, hashing); any value
    /// gives the same result.
    static func load(_ config: ExperimentConfig, root: URL, workers: Int = .max) throws -> InputData {
        let source = config.data
        var loaded: [CSVBarLoader.Loaded]
        var paths: [String]
        let hashing: Once<Result<[DataFileRecord], Error>>
        if let sqlite = source.sqlite {
            paths = [sqlite]
            let url = URL(fileURLWithPath: resolve(sqlite, root: root))
            loaded = try SQLiteBarLoader.load(path: url.path, table: source.table, symbols: source.symbols, checks: source.checks)
            hashing = Once { Result { [try DataFileRecord.read(url, as: sqlite)] } }
        } else {
            paths = source.files
            let checks = source.checks
            let threshold = workers > 1 ? 4 << 20 : Int.max
            let jobs = zip(source.files, config.symbolNames).map { (path: $0, url: resolve($0, root: root), symbol: $1) }
            loaded = try jobs.orderedConcurrentMap(workers: workers) {
                try CSVBarLoader.load(path: $0.url, symbol: $0.symbol, checks: checks, parallelThreshold: threshold)
            }
            hashing = Once { Result { try jobs.map { try DataFileRecord.read(URL(fileURLWithPath: $0.url), as: $0.path) } } }
        }
        if workers > 1 { DispatchQueue.global().async { _ = hashing.value } }
        // On an error below, the hash is waited for: no thread left reading when the process
        // exits on it.
        var returned = false
        defer { if !returned { _ = hashing.value } }
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
        returned = true
        return InputData(series: series, report: report, paths: paths, hashing: hashing)
    }

    static func resolve(_ path: String, root: URL) -> String {
        path.hasPrefix("/") ? path : root.appendingPathComponent(path).path
    }
}
