import Model

extension PerformanceMetrics {
    /// The metrics as a canonical map: counts as whole numbers, undefined values as null.
    package var canonical: CanonicalValue {
        var map: [String: CanonicalValue] = [:]
        for (key, value) in entries {
            if let value, PerformanceMetrics.countKeys.contains(key) { map[key] = .int(Int(value)) } else { map[key] = .optional(value) }
        }
        return .map(map)
    }
}
