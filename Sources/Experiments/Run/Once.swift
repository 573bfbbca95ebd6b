import Foundation

/// A value made at most once, by the first thread that asks for it; any other thread asking
/// meanwhile waits and gets the same value. A run's breakdowns are one: the file writer
/// makes them on one core while equity.csv is written on the other, and the report reads
/// them afterwards.
final class Once<T: Sendable>: @unchecked Sendable {  // `made` and `make` are only touched under `lock`
    private let lock = NSLock()
    private var made: T?
    private var make: (@Sendable () -> T)?

    init(_ make: @escaping @Sendable () -> T) { self.make = make }
    init(value: T) { made = value }

    var value: T {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let v = make!()
        (made, make) = (v, nil)
        return v
    }
}
