import Dispatch

extension Array where Element: Sendable {
    /// Runs `transform` on every element concurrently and returns the results in the
    /// elements' order, throwing the first error in that order. What finishes first never
    /// shows in the result: the determinism rule for parallel work.
    public func orderedConcurrentMap<T>(_ transform: @Sendable (Element) throws -> T) throws -> [T] {
        let slots = map { _ in ResultSlot<T>() }
        DispatchQueue.concurrentPerform(iterations: count) { i in
            slots[i].result = Result { try transform(self[i]) }
        }
        return try slots.map { try $0.result!.get() }
    }
}

/// One task's result; each slot is written by exactly one task, then read after all finish.
private final class ResultSlot<T>: @unchecked Sendable {
    var result: Result<T, Error>?
}
