import Model

/// Where two equity curves part: the first timestamp at which they differ beyond
/// tolerance, and the largest gap, over the timestamps both curves have.
package struct EquityGap: Sendable {
    package struct Point: Sendable {
        package var time: String
        package var a: Double
        package var b: Double
        package var gap: Double { b - a }
    }

    package var commonTimestamps = 0
    package var onlyInA = 0
    package var onlyInB = 0
    package var firstBeyondTolerance: Point?
    package var largest: Point?

    package init(a: CSVTable, b: CSVTable, tolerance: Tolerance) {
        guard let ta = a.column("timestamp"), let ea = a.column("equity"),
              let tb = b.column("timestamp"), let eb = b.column("equity") else { return }
        var bByTime: [String: Double] = [:]
        for row in b.rows { bByTime[row[tb]] = Double(row[eb]) }
        for row in a.rows {
            guard let y = bByTime.removeValue(forKey: row[ta]) else { onlyInA += 1; continue }
            guard let x = Double(row[ea]) else { continue }
            commonTimestamps += 1
            let point = Point(time: row[ta], a: x, b: y)
            if firstBeyondTolerance == nil && !tolerance.accepts(expected: x, actual: y) { firstBeyondTolerance = point }
            if abs(point.gap) > abs(largest?.gap ?? 0) { largest = point }
        }
        onlyInB = bByTime.count
    }

    package var canonical: CanonicalValue {
        func point(_ p: Point?) -> CanonicalValue {
            p.map { .map(["time": .string($0.time), "a": .number($0.a), "b": .number($0.b), "gap": .number($0.gap)]) } ?? .null
        }
        return .map([
            "common_timestamps": .int(commonTimestamps), "only_in_a": .int(onlyInA), "only_in_b": .int(onlyInB),
            "first_beyond_tolerance": point(firstBeyondTolerance), "largest_gap": point(largest),
        ])
    }
}
