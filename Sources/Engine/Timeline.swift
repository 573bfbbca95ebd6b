/// The sorted, de-duplicated union of several series' timestamps: one step per moment at
/// which at least one symbol has a bar. Missing bars are never invented; a symbol without
/// a bar at a step simply is not delivered.
public struct Timeline: Sendable {
    public let times: [Int64]
    /// Every column is this clock (one symbol, or symbols with the same bars' times): a
    /// symbol's bar at step i is its bar i.
    public let shared: Bool

    public init(_ columns: [[Int64]]) {
        // One clock for every symbol (the usual case: minute bars of one venue) is that
        // clock: checking it reads each column once, where the merge below looks at every
        // column twice per step.
        if let first = columns.first, columns.dropFirst().allSatisfy({ $0 == first }) {
            (times, shared) = (first, true)
            return
        }
        shared = false
        var merged: [Int64] = []
        merged.reserveCapacity(columns.map(\.count).max() ?? 0)
        var cursors = [Int](repeating: 0, count: columns.count)
        while true {
            var next = Int64.max
            var any = false
            for (c, col) in columns.enumerated() where cursors[c] < col.count {
                next = min(next, col[cursors[c]])
                any = true
            }
            guard any else { break }
            merged.append(next)
            for (c, col) in columns.enumerated() where cursors[c] < col.count && col[cursors[c]] == next {
                cursors[c] += 1
            }
        }
        times = merged
    }
}
