/// Where two equity curves part: the first timestamp at which they differ beyond
/// tolerance, and the largest gap, over the timestamps both curves have.
struct EquityGap: Sendable {
    struct Point: Sendable {
        var time: String
        var a: Double
        var b: Double
        var gap: Double { b - a }
    }

    var commonTimestamps = 0
    var onlyInA = 0
    var onlyInB = 0
    var firstBeyondTolerance: Point?
    var largest: Point?

    init(a: CSVTable, b: CSVTable, tolerance: Tolerance) {
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

    var canonical: CanonicalValue {
        func point(_ p: Point?) -> CanonicalValue {
            p.map { .map(["time": .string($0.time), "a": .number($0.a), "b": .number($0.b), "gap": .number($0.gap)]) } ?? .null
        }
        return .map([
            "common_timestamps": .int(commonTimestamps), "only_in_a": .int(onlyInA), "only_in_b": .int(onlyInB),
            "first_beyond_tolerance": point(firstBeyondTolerance), "largest_gap": point(largest),
        ])
    }
}
