@testable import Engine
import Model
import Testing

/// Equal (time, priority) events come out in insertion order; priority breaks time ties.
@Test func queueOrdersByTimePriorityThenInsertion() {
    var q = EventQueue()
    let t0 = Timestamp(milliseconds: 1000), t1 = Timestamp(milliseconds: 2000)
    for payload in 1...50 { q.push(Event(time: t1, kind: .orderSubmitted, payload: payload)) }
    q.push(Event(time: t1, kind: .orderCancelled, payload: 99))
    q.push(Event(time: t0, kind: .orderSubmitted, payload: 100))
    #expect(q.pop()?.payload == 100)
    #expect(q.pop()?.payload == 99)
    var order: [Int] = []
    while let e = q.pop() { order.append(e.payload) }
    #expect(order == Array(1...50))
}

/// `pop(before:)` leaves events at or after the bound in the queue.
@Test func popBeforeIsStrict() {
    var q = EventQueue()
    q.push(Event(time: Timestamp(milliseconds: 5), kind: .orderSubmitted, payload: 1))
    #expect(q.pop(before: Timestamp(milliseconds: 5)) == nil)
    #expect(q.pop(before: Timestamp(milliseconds: 6))?.payload == 1)
}
