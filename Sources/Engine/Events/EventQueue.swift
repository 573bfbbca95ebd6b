import Model

/// A min-heap of events ordered by (time, priority, insertion sequence).
///
/// The sequence number is assigned at insert, so two events with the same time and
/// priority come out in the order they went in, whatever the heap's internal layout.
///
/// - Complexity: O(log n) push and pop.
public struct EventQueue: Sendable {
    private struct Entry: Sendable {
        var event: Event
        var sequence: UInt64

        @inline(__always)
        func precedes(_ other: Entry) -> Bool {
            if event.time != other.event.time { return event.time < other.event.time }
            if event.kind != other.event.kind { return event.kind < other.event.kind }
            return sequence < other.sequence
        }
    }

    private var heap: [Entry] = []
    private var nextSequence: UInt64 = 0

    public init() {}

    public var isEmpty: Bool { heap.isEmpty }
    public var count: Int { heap.count }
    public var peek: Event? { heap.first?.event }

    public mutating func push(_ event: Event) {
        heap.append(Entry(event: event, sequence: nextSequence))
        nextSequence += 1
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    public mutating func pop() -> Event? {
        guard !heap.isEmpty else { return nil }
        let top = heap[0].event
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                guard left < heap.count else { break }
                var best = left
                if left + 1 < heap.count && heap[left + 1].precedes(heap[left]) { best = left + 1 }
                guard heap[best].precedes(heap[parent]) else { break }
                heap.swapAt(best, parent)
                parent = best
            }
        }
        return top
    }

    /// Pops the next event if it is strictly before `time`.
    public mutating func pop(before time: Timestamp) -> Event? {
        guard let first = heap.first, first.event.time < time else { return nil }
        return pop()
    }

    /// Pops the next event if it is at or before `time`.
    public mutating func pop(notAfter time: Timestamp) -> Event? {
        guard let first = heap.first, first.event.time <= time else { return nil }
        return pop()
    }
}
