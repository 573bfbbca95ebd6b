import Engine

/// The train and test windows of a walk-forward analysis, as timeline index ranges.
///
/// With `n` folds and a train share `r` of each fold's train + test span, the test windows
/// tile the end of the timeline back to back: test size T = L / (n + r / (1 − r)) and train
/// size R = T · r / (1 − r), so that R + n·T = L. Rolling: fold k trains on [k·T, k·T + R);
/// anchored: on [0, k·T + R). Either way it tests on [k·T + R, (k + 1)·T + R).
public enum WalkForwardWindows {
    public struct Fold: Sendable, Equatable {
        public var train: Range<Int>
        public var test: Range<Int>
    }

    /// nil when a window would hold fewer than `minimum` bars.
    public static func folds(count n: Int, bars: Int, trainRatio r: Double, anchored: Bool, minimum: Int = 2) -> [Fold]? {
        guard n >= 1, bars > 0, r > 0, r < 1 else { return nil }
        let test = Int((Double(bars) / (Double(n) + r / (1 - r))).rounded(.down))
        let train = bars - n * test
        guard test >= minimum, train >= minimum else { return nil }
        return (0..<n).map { k in
            let testStart = train + k * test
            return Fold(train: (anchored ? 0 : k * test)..<testStart, test: testStart..<(testStart + test))
        }
    }

    /// The index of the best defined value by `objective`; the first on ties, 0 when none
    /// is defined.
    public static func best(_ values: [Double?], by objective: SweepObjective) -> Int {
        var best = 0
        for (c, v) in values.enumerated() {
            guard let v else { continue }
            if let b = values[best] { if objective.isBetter(v, than: b) { best = c } } else { best = c }
        }
        return best
    }

    /// The test windows' equity chained into one curve: each window's returns applied to
    /// where the previous one ended, the first starting from `capital`.
    public static func stitch(_ tests: [BacktestResult], capital: Double) -> [(Int64, Double)] {
        var stitched: [(Int64, Double)] = []
        var level = capital
        for r in tests {
            for (t, e) in zip(r.times, r.equity) { stitched.append((t, level * e / r.initialCapital)) }
            level = stitched.last?.1 ?? level
        }
        return stitched
    }
}
