import Model

/// One spell under water: from a peak of equity to its lowest point and back to the peak
/// (or to the end of the run, "not recovered").
package struct DrawdownPeriod: Sendable, Equatable {
    package var peak: Int64
    package var trough: Int64
    /// The first bar close at or above the peak again; nil: not recovered by the end.
    package var recovery: Int64?
    /// 1 − trough equity / peak equity.
    package var depth: Double
    /// Calendar days from the peak to the recovery (or to the last bar).
    package var days: Double

    package var canonical: CanonicalValue {
        .map(["peak": .string(Timestamp(milliseconds: peak).description), "trough": .string(Timestamp(milliseconds: trough).description),
              "recovery": recovery.map { .string(Timestamp(milliseconds: $0).description) } ?? .string("not recovered"),
              "depth": .number(depth), "days": .number(days)])
    }
}

package enum DrawdownPeriods {
    /// The `count` deepest spells, deepest first (ties: the earlier first). The initial
    /// capital is the first peak, at the first bar's time, as in metrics.json's max drawdown.
    /// - Complexity: O(bars + spells · log spells).
    package static func worst(times: [Int64], equity: [Double], initialCapital: Double, count: Int = 5) -> [DrawdownPeriod] {
        guard let first = times.first else { return [] }
        var spells: [DrawdownPeriod] = []
        var peak = initialCapital, peakTime = first
        var current: DrawdownPeriod?
        for (t, e) in zip(times, equity) {
            if e >= peak {
                if var spell = current {
                    spell.recovery = t
                    spell.days = Double(t - spell.peak) / Double(Timestamp.millisecondsPerDay)
                    spells.append(spell)
                    current = nil
                }
                (peak, peakTime) = (e, t)
                continue
            }
            let depth = 1 - e / peak
            if current == nil { current = DrawdownPeriod(peak: peakTime, trough: t, recovery: nil, depth: depth, days: 0) }
            if depth > current!.depth { (current!.depth, current!.trough) = (depth, t) }
        }
        if var spell = current {
            spell.days = Double(times.last! - spell.peak) / Double(Timestamp.millisecondsPerDay)
            spells.append(spell)
        }
        return Array(spells.enumerated().sorted { a, b in a.element.depth != b.element.depth ? a.element.depth > b.element.depth : a.offset < b.offset }
            .prefix(count).map(\.element))
    }
}
