import Dispatch

/// Work started now on another thread and collected later with `value` (which waits):
/// provenance reads (git status, `swift --version`) overlap the backtest instead of
/// adding to it.
final class BackgroundTask<T: Sendable>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> T) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// Waits for the work, once; later calls return at once.
    var value: T {
        done.wait()
        defer { done.signal() }
        return result!
    }
}
