import Engine
import Model

extension BacktestResult {
    /// The run seen only over some of its timestamps: `ranges` of timeline indices, sorted
    /// and disjoint. Equity, cash and exposure keep those timestamps; fills, rejections and
    /// risk events keep those whose time falls inside a range, trades those that closed
    /// inside one. The starting capital becomes the equity just before the first range (a
    /// split's warm-up does not trade, so that is the initial capital).
    ///
    /// `barsProcessed` is the number of symbol bars in the ranges (the caller has the data).
    public func restricted(to ranges: [Range<Int>], barsProcessed: Int) -> BacktestResult {
        var window = self
        let kept = ranges.filter { !$0.isEmpty }
        window.times = kept.flatMap { times[$0] }
        window.equity = kept.flatMap { equity[$0] }
        window.cash = kept.flatMap { cash[$0] }
        window.exposedAtClose = kept.flatMap { exposedAtClose[$0] }
        window.exposedBars = window.exposedAtClose.filter { $0 }.count
        window.barsProcessed = barsProcessed
        if let first = kept.first?.lowerBound, first > 0 { window.initialCapital = equity[first - 1] }
        let spans = kept.map { times[$0.lowerBound]...times[$0.upperBound - 1] }
        func inside(_ t: Timestamp) -> Bool { spans.contains { $0.contains(t.milliseconds) } }
        window.fills = fills.filter { inside($0.time) }
        window.trades = trades.filter { inside($0.exitTime) }
        window.rejections = rejections.filter { inside($0.time) }
        window.riskEvents = riskEvents.filter { inside($0.time) }
        window.ordersSubmitted = Set(window.fills.map(\.orderID)).count + window.rejections.filter { $0.approvedQuantity == 0 }.count
        window.openPositionsAtEnd = window.exposedAtClose.last == true ? openPositionsAtEnd : 0
        return window
    }
}
