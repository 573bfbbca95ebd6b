import Analysis
import Testing

/// A 3 x 3 grid whose best (1.0, at the centre) has neighbours at 0.5: a sharp peak with a
/// 30% drop rule; no cell has every neighbour within 10% of the best.
@Test func sharpPeakDetected() {
    let objectives: [Double?] = [0.1, 0.5, 0.1,
                                 0.5, 1.0, 0.5,
                                 0.1, 0.5, 0.1]
    let s = SweepSensitivity.analyze(objectives: objectives, sizes: [3, 3], maximize: true, stableWithin: 0.1, peakDrop: 0.3)
    #expect(s.best == 4)
    #expect(s.neighbours == [1, 3, 5, 7])
    #expect(s.isSharpPeak)
    #expect(s.stable.isEmpty)
}

/// A plateau: the best (1.0 at index 1) has neighbours 0.95 and 0.97; cells 0–3 and all
/// their neighbours stay within 10% of it, the far corner (0.2) does not.
@Test func stableNeighbourhood() {
    let objectives: [Double?] = [0.95, 1.0, 0.97, 0.96, 0.2, 0.93]
    let s = SweepSensitivity.analyze(objectives: objectives, sizes: [2, 3], maximize: true, stableWithin: 0.1, peakDrop: 0.3)
    #expect(s.best == 1)
    #expect(!s.isSharpPeak)
    // Row-major 2 x 3: cell 4 (0.2) spoils cells 1, 3 and 5 next to it; 0 and 2 keep only good neighbours? 0's are 1 and 3.
    #expect(s.stable == [0, 2])
    #expect(s.heatmaps.count == 1 && s.heatmaps[0].cells == [[0.95, 1.0, 0.97], [0.96, 0.2, 0.93]])
}

/// With three axes a heatmap shows the best over the third axis; a metric to minimize
/// (drawdown) picks the smallest.
@Test func heatmapsTakeTheBestOverOtherAxes() {
    let objectives: [Double?] = (0..<8).map { Double($0) }   // 2 x 2 x 2
    let max = SweepSensitivity.analyze(objectives: objectives, sizes: [2, 2, 2], maximize: true, stableWithin: 0.1, peakDrop: 0.3)
    #expect(max.heatmaps.count == 3)
    #expect(max.heatmaps[0].cells == [[1, 3], [5, 7]])   // axes 0 x 1, best over axis 2
    let min = SweepSensitivity.analyze(objectives: objectives, sizes: [2, 2, 2], maximize: false, stableWithin: 0.1, peakDrop: 0.3)
    #expect(min.best == 0)
    #expect(min.heatmaps[0].cells == [[0, 2], [4, 6]])
}

/// 3 folds of 100 bars, train share 0.5: test windows of 25 tiling bars 25–99; rolling
/// trains on the 25 bars before each, anchored on everything before each.
@Test func walkForwardWindowsByHand() {
    let rolling = WalkForwardWindows.folds(count: 3, bars: 100, trainRatio: 0.5, anchored: false)!
    #expect(rolling.map(\.train) == [0..<25, 25..<50, 50..<75])
    #expect(rolling.map(\.test) == [25..<50, 50..<75, 75..<100])
    let anchored = WalkForwardWindows.folds(count: 3, bars: 100, trainRatio: 0.5, anchored: true)!
    #expect(anchored.map(\.train) == [0..<25, 0..<50, 0..<75])
    #expect(anchored.map(\.test) == rolling.map(\.test))
    // 0.75: T = 100 / (3 + 3) = 16, R = 100 − 48 = 52.
    #expect(WalkForwardWindows.folds(count: 3, bars: 100, trainRatio: 0.75, anchored: false)!.map(\.test) == [52..<68, 68..<84, 84..<100])
    #expect(WalkForwardWindows.folds(count: 60, bars: 100, trainRatio: 0.75, anchored: false) == nil)
}
