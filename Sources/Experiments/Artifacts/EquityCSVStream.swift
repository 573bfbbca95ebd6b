import CProcess
import Engine
import Foundation

/// A plain run's equity.csv, formatted on its own thread while the backtest runs, into an
/// unnamed file beside the run folders (`ArtifactSink(unnamedIn:)`). The backtest keeps one
/// core busy and the other would wait; formatting and hashing 30 MB of equity was the
/// longest job of the files that follow it. `place(at:)` names the file inside the run
/// folder once the backtest is done. An unnamed file vanishes when it is closed, so a run
/// that fails, or is killed, leaves nothing behind.
final class EquityCSVStream: @unchecked Sendable {  // `chunks` and `closed` are only touched under `condition`
    private typealias Chunk = (times: [Int64], equity: [Double], cash: [Double])
    private let condition = NSCondition()
    private var chunks: [Chunk] = []
    private var closed = false
    private let done = DispatchSemaphore(value: 0)
    private let sink: ArtifactSink

    /// Starts the writer; nil where `directory` cannot hold an unnamed file (then equity.csv
    /// is written with the other files, as before).
    init?(in directory: URL, every: Int64?) {
        guard let sink = ArtifactSink(unnamedIn: directory, name: "equity.csv", hashed: true) else { return nil }
        self.sink = sink
        let thread = Thread { [self] in
            // The backtest sets the pace: this thread takes what time the other core has
            // (git status runs there too), never the backtest's.
            _ = qbt_lower_thread_priority(10)
            // The sink is used by this thread alone until `done` is signalled, then by `place`.
            let sink = self.sink
            var rows = EquityRows(every: every, into: sink)
            while let chunk = next() { rows.add(times: chunk.times[...], equity: chunk.equity[...], cash: chunk.cash[...], into: sink) }
            rows.finish(into: sink)
            done.signal()
        }
        thread.name = "equity.csv"
        thread.start()
    }

    /// What the backtest hands over, chunk by chunk.
    var feed: EquityFeed {
        EquityFeed { [self] _, times, equity, cash in
            condition.withLock {
                chunks.append((times, equity, cash))
                condition.signal()
            }
        }
    }

    /// The backtest is done: the writer finishes the rows it has.
    func close() {
        condition.withLock {
            closed = true
            condition.signal()
        }
    }

    /// Waits for the writer, then names the file `url`; its SHA-256, or nil when it could
    /// not be written or named there (then write equity.csv the ordinary way).
    func place(at url: URL) -> String? {
        close()
        done.wait()
        done.signal()  // a second call finds the file already placed (or dropped) and fails
        return sink.finish(linkingAs: url) ?? nil
    }

    private func next() -> Chunk? {
        condition.withLock {
            while chunks.isEmpty && !closed { condition.wait() }
            return chunks.isEmpty ? nil : chunks.removeFirst()
        }
    }
}
