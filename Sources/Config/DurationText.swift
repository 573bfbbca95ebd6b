import Analysis
import Engine
import Model
/// Durations in configs: a whole number and a unit, `250ms`, `30s`, `15m`, `1h`, `1d`, `2w`.
package enum DurationText {
    package static let units: [(suffix: String, milliseconds: Int64)] = [
        ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000), ("w", 604_800_000),
    ]

    /// Milliseconds, or nil when `text` is not a duration.
    package static func milliseconds(_ text: String) -> Int64? {
        let digits = text.prefix { $0.isNumber }
        guard let n = Int64(digits), let unit = units.first(where: { $0.suffix == text.dropFirst(digits.count) }) else { return nil }
        let (product, overflow) = n.multipliedReportingOverflow(by: unit.milliseconds)
        return overflow ? nil : product
    }

    /// The shortest spelling: 3600000 → "1h", 90000 → "90s".
    package static func format(_ ms: Int64) -> String {
        for unit in units.reversed() where ms % unit.milliseconds == 0 { return "\(ms / unit.milliseconds)\(unit.suffix)" }
        return "\(ms)ms"
    }
}
