import Model

/// What the numbers of an artifact mean, in words, written beside them under
/// `conventions` so a reader need not guess. One table for every artifact, keyed
/// `artifact.convention`.
package enum Conventions {
    private static let texts: [String: String] = [
        "validation.splits": "each split trades only inside its window and reads no later bar; earlier bars warm its indicators up and are not in its metrics",
        "validation.months": "calendar months in UTC; a month's return is its last close over the previous month's last close (the first month: over its first open)",
        "validation.month_boundaries": "a position open when a selected month ends is closed at the open of the next bar, which counts toward the scenario",
        "validation.degradation": "delta = value - reference; relative = delta / |reference|",
        "walk_forward.windows": "test windows tile the timeline before the holdout back to back; rolling trains on the span just before each, anchored on everything before it",
        "walk_forward.choice": "each fold runs the sweep grid on its train window and keeps the best by the objective; without a grid it runs the configured parameters",
        "walk_forward.efficiency": "out-of-sample CAGR of the stitched test equity / mean in-sample CAGR of the chosen parameters",
        "walk_forward.stitching": "each test window starts with the configured capital; the stitched curve chains their returns",
    ]

    /// The conventions of `artifact` as a map, keys without the artifact's prefix.
    package static func document(_ artifact: String) -> CanonicalValue {
        let prefix = artifact + "."
        return .map(texts.filter { $0.key.hasPrefix(prefix) }.reduce(into: [:]) { $0[String($1.key.dropFirst(prefix.count))] = .string($1.value) })
    }
}
