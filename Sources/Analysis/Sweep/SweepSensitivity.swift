/// What a sweep's grid says beyond its best cell: whether the best is a sharp, isolated peak
/// (its neighbours much worse: likely luck), which cells sit in a stable neighbourhood (they
/// and every neighbour stay close to the best), and one heatmap per pair of axes.
///
/// Cells are combinations in row-major order (the first axis varies slowest); two cells are
/// neighbours when they differ by one step on exactly one axis.
public struct SweepSensitivity: Sendable, Equatable {
    public struct Heatmap: Sendable, Equatable {
        public var rowAxis: Int
        public var columnAxis: Int
        /// [row value][column value]: the best objective over the other axes (nil: none defined).
        public var cells: [[Double?]]
    }

    /// Index of the best combination (nil when no objective is defined).
    public var best: Int?
    public var isSharpPeak: Bool
    /// The best's neighbours, by index.
    public var neighbours: [Int]
    /// Combinations whose objective and all their neighbours' are within the set share of the best.
    public var stable: [Int]
    public var heatmaps: [Heatmap]

    /// - Parameters:
    ///   - objectives: one per combination, nil where the metric is undefined;
    ///   - sizes: values per axis; `maximize` false for a metric to minimize (drawdown).
    public static func analyze(objectives: [Double?], sizes: [Int], maximize: Bool, stableWithin: Double, peakDrop: Double) -> SweepSensitivity {
        precondition(objectives.count == sizes.reduce(1, *), "one objective per combination")
        let score: [Double?] = objectives.map { $0.map { maximize ? $0 : -$0 } }
        var strides = [Int](repeating: 1, count: sizes.count)
        for k in stride(from: sizes.count - 2, through: 0, by: -1) { strides[k] = strides[k + 1] * sizes[k + 1] }
        func coordinates(_ i: Int) -> [Int] { sizes.indices.map { (i / strides[$0]) % sizes[$0] } }
        func neighbours(_ i: Int) -> [Int] {
            let c = coordinates(i)
            var out: [Int] = []
            for k in sizes.indices {
                if c[k] > 0 { out.append(i - strides[k]) }
                if c[k] + 1 < sizes[k] { out.append(i + strides[k]) }
            }
            return out.sorted()
        }
        var best: Int?
        for (i, s) in score.enumerated() { if let s, best.map({ s > score[$0]! }) ?? true { best = i } }
        guard let best, let top = score[best] else {
            return SweepSensitivity(best: nil, isSharpPeak: false, neighbours: [], stable: [], heatmaps: heatmaps(objectives, score, sizes, coordinates))
        }
        let around = neighbours(best)
        let floorPeak = top - peakDrop * abs(top), floorStable = top - stableWithin * abs(top)
        let sharp = !around.isEmpty && around.allSatisfy { score[$0].map { $0 < floorPeak } ?? true }
        let close = { (i: Int) in score[i].map { $0 >= floorStable } ?? false }
        let stable = score.indices.filter { close($0) && neighbours($0).allSatisfy(close) }
        return SweepSensitivity(best: best, isSharpPeak: sharp, neighbours: around, stable: stable,
                                heatmaps: heatmaps(objectives, score, sizes, coordinates))
    }

    private static func heatmaps(_ objectives: [Double?], _ score: [Double?], _ sizes: [Int], _ coordinates: (Int) -> [Int]) -> [Heatmap] {
        var maps: [Heatmap] = []
        let pairs: [(Int, Int)] = sizes.count == 1 ? [(0, 0)] : sizes.indices.flatMap { a in sizes.indices.filter { $0 > a }.map { (a, $0) } }
        for (a, b) in pairs {
            let rows = sizes.count == 1 ? 1 : sizes[a], columns = sizes[b]
            var cells = [[Double?]](repeating: [Double?](repeating: nil, count: columns), count: rows)
            var bestScore = [[Double?]](repeating: [Double?](repeating: nil, count: columns), count: rows)
            for i in objectives.indices {
                guard let s = score[i] else { continue }
                let c = coordinates(i)
                let r = sizes.count == 1 ? 0 : c[a], col = c[b]
                if bestScore[r][col].map({ s > $0 }) ?? true {
                    bestScore[r][col] = s
                    cells[r][col] = objectives[i]
                }
            }
            maps.append(Heatmap(rowAxis: a, columnAxis: b, cells: cells))
        }
        return maps
    }
}
