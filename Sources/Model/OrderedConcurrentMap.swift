import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// Runs `transform` on every element concurrently and returns the results in the
    /// elements' order, throwing the first error in that order. What finishes first never
    /// shows in the result: the determinism rule for parallel work.
    ///
    /// `workers` caps how many elements run at once (1 runs them in order on this thread);
    /// `verify --runs` varies it to prove the result does not depend on it.
    public func orderedConcurrentMap<T>(workers: Int = .max, _ transform: @Sendable (Element) throws -> T) throws -> [T] {
        if workers <= 1 || count <= 1 { return try map(transform) }
        let slots = map { _ in ResultSlot<T>() }
        let lanes = Swift.min(workers, count)
        // Each lane takes the next element not yet taken: a long element (a year of equity)
        // does not hold back the short ones queued behind it on the same lane.
        let next = NextIndex()
        DispatchQueue.concurrentPerform(iterations: lanes) { _ in
            while let i = next.take(below: count) {
                slots[i].result = Result { try transform(self[i]) }
            }
        }
        return try slots.map { try $0.result!.get() }
    }
}

/// One task's result; each slot is written by exactly one task, then read after all finish.
private final class ResultSlot<T>: @unchecked Sendable {
    var result: Result<T, Error>?
}

/// Hands out 0, 1, 2, ... to concurrent lanes, each index once.
private final class NextIndex: @unchecked Sendable {  // `value` is only touched under `lock`
    private let lock = NSLock()
    private var value = 0

    func take(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < count else { return nil }
        value += 1
        return value - 1
    }
}
