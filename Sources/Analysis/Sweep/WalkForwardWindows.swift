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
}
