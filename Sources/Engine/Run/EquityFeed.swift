/// Equity and cash handed over as the loop records them, `chunk` steps at a time, so a
/// file writer can format equity.csv on another core while the backtest runs (in a plain
/// run the other core is otherwise idle then). Each hand-over copies the chunk (8,192 steps:
/// 64 KB a column, reused by the allocator), never the run's growing columns themselves.
public struct EquityFeed: Sendable {
    public var chunk: Int
    /// (first step, times, equity, cash) of each chunk, in order, on the loop's thread; the
    /// arrays are copies the receiver keeps.
    public var receive: @Sendable (_ start: Int, _ times: [Int64], _ equity: [Double], _ cash: [Double]) -> Void

    public init(chunk: Int = 8_192,
                receive: @escaping @Sendable (_ start: Int, _ times: [Int64], _ equity: [Double], _ cash: [Double]) -> Void) {
        precondition(chunk > 0, "an equity feed's chunk must hold at least one step")
        (self.chunk, self.receive) = (chunk, receive)
    }
}
