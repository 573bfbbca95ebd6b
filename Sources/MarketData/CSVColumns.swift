import Model
/// Which field of a CSV row holds which value, read from the header.
///
/// Accepted names (case-insensitive, any order, extra columns ignored): the time as
/// `timestamp`, `time`, `date`, `datetime`, `date_time`, `open_time` or `ts`; `open`,
/// `high`, `low`, `close` (or `o`, `h`, `l`, `c`); `volume` (or `vol`, `v`) is optional
/// and 0 when absent. Yahoo's `Adj Close` is ignored: the loader trades the raw close.
struct CSVColumns {
    let time: Int, open: Int, high: Int, low: Int, close: Int
    let volume: Int?
    let count: Int
    let names: [String]

    static let aliases: [(field: String, names: [String])] = [
        ("timestamp", ["timestamp", "time", "date", "datetime", "date_time", "open_time", "ts"]),
        ("open", ["open", "o"]), ("high", ["high", "h"]), ("low", ["low", "l"]),
        ("close", ["close", "c"]), ("volume", ["volume", "vol", "v"]),
    ]

    init(header: [String], source: String) throws {
        let cleaned = header.map { $0.trimmingSpacesAndQuotes().lowercased() }
        func index(_ field: String) -> Int? {
            let names = CSVColumns.aliases.first { $0.field == field }!.names
            return cleaned.firstIndex { names.contains($0) }
        }
        var found: [String: Int] = [:]
        for field in ["timestamp", "open", "high", "low", "close"] {
            guard let i = index(field) else {
                throw DataError("\(source):1: the header has no '\(field)' column (found: \(excerpt(cleaned.joined(separator: ","), limit: 120))); "
                    + "expected timestamp,open,high,low,close[,volume] in any order and case")
            }
            found[field] = i
        }
        time = found["timestamp"]!; open = found["open"]!; high = found["high"]!
        low = found["low"]!; close = found["close"]!
        volume = index("volume")
        count = header.count
        names = cleaned
    }
}
