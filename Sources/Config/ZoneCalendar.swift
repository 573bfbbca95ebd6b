import Analysis
import Model
import Engine
import Foundation

/// Turns an IANA time zone into the UTC offsets and their changes (daylight saving) that
/// the engine's `TradingCalendar` reads, over the span of a run's data. This is the edge:
/// the time-zone database is read here so the engine never touches it.
package enum ZoneCalendar {
    package static func isKnown(_ identifier: String) -> Bool { TimeZone(identifier: identifier) != nil }

    /// The calendar of `identifier` from `first` to `last` (UTC milliseconds), with two days'
    /// margin either side.
    package static func calendar(_ identifier: String, first: Int64, last: Int64) -> TradingCalendar {
        guard identifier != "UTC", let zone = TimeZone(identifier: identifier) else { return .utc }
        let margin: Double = 2 * 86_400
        var date = Date(timeIntervalSince1970: Double(first) / 1000 - margin)
        let end = Date(timeIntervalSince1970: Double(last) / 1000 + margin)
        var offsets = [TradingCalendar.Offset(from: .min, offset: Int64(zone.secondsFromGMT(for: date)) * 1000)]
        while let next = zone.nextDaylightSavingTimeTransition(after: date), next < end {
            let ms = Int64((next.timeIntervalSince1970 * 1000).rounded())
            if ms > offsets[offsets.count - 1].from {
                offsets.append(.init(from: ms, offset: Int64(zone.secondsFromGMT(for: next)) * 1000))
            }
            date = next
        }
        return TradingCalendar(name: identifier, offsets: offsets)
    }
}
