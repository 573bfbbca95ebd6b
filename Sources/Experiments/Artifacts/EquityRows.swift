import Analysis
import Model

/// equity.csv's rows, formatted as the steps arrive, in one piece or in chunks (the same
/// bytes either way). A value equal to the previous row's reuses its text: while flat,
/// equity and cash repeat for thousands of minute bars.
///
/// `every` (milliseconds) keeps only the last step of each period of that length (aligned
/// to the Unix epoch, so days are UTC days): the equity at each period's close. Whether a
/// step is its period's last is known from the next step's time, so with `every` each
/// step is held until the next arrives, and the last is written by `finish`.
struct EquityRows {
    private let every: Int64?
    private var equityText = NumberCache(), cashText = NumberCache()
    private var clock = ISO8601Writer()
    private var held: (time: Int64, equity: Double, cash: Double)?
    private static let maxRow = 64 + 1 + NumberText.maxBytes + 1 + NumberText.maxBytes + 1

    /// Writes the header.
    init(every: Int64?, into sink: ArtifactSink) {
        self.every = every
        sink.line(ArtifactSchema.equity.header)
    }

    /// The next steps, in time order.
    mutating func add(times: ArraySlice<Int64>, equity: ArraySlice<Double>, cash: ArraySlice<Double>, into sink: ArtifactSink) {
        guard let every else {
            for i in times.indices { write(times[i], equity[i], cash[i], into: sink) }
            return
        }
        for i in times.indices {
            if let h = held, h.time / every != times[i] / every { write(h.time, h.equity, h.cash, into: sink) }
            held = (times[i], equity[i], cash[i])
        }
    }

    /// Writes the step still held (the last: its period's close).
    mutating func finish(into sink: ArtifactSink) {
        if let h = held { write(h.time, h.equity, h.cash, into: sink) }
        held = nil
    }

    @inline(__always)
    private mutating func write(_ time: Int64, _ equity: Double, _ cash: Double, into sink: ArtifactSink) {
        let p = sink.room(Self.maxRow)
        var at = clock.write(Timestamp(milliseconds: time), to: p)
        p[at] = 44; at += 1
        at += equityText.write(equity, to: p + at)
        p[at] = 44; at += 1
        at += cashText.write(cash, to: p + at)
        p[at] = 10; at += 1
        sink.advance(at)
    }
}
