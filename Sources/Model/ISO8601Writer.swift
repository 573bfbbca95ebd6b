/// Writes many ISO-8601 timestamps quickly: the `YYYY-MM-DDT` part is formatted once per
/// day and reused, so a year of minute bars computes 365 civil dates, not 525,600.
public struct ISO8601Writer: Sendable {
    private var day: Int64 = .min
    private var datePrefix: [UInt8] = []

    public init() {}

    /// Writes the timestamp at `p` (room for 64 bytes) and returns how many bytes it wrote:
    /// the text of `Timestamp.appendISO8601`, straight into a row buffer.
    public mutating func write(_ t: Timestamp, to p: UnsafeMutablePointer<UInt8>) -> Int {
        let d = t.dayNumber
        let msOfDay = t.milliseconds - d * Timestamp.millisecondsPerDay
        guard msOfDay % 1000 == 0 else {
            var text: [UInt8] = []
            t.appendISO8601(to: &text)
            precondition(text.count <= 64, "a timestamp's text is longer than 64 bytes")
            text.withUnsafeBufferPointer { p.update(from: $0.baseAddress!, count: $0.count) }
            return text.count
        }
        if d != day {
            day = d
            datePrefix.removeAll(keepingCapacity: true)
            Timestamp(milliseconds: d * Timestamp.millisecondsPerDay).appendISO8601(to: &datePrefix)
            datePrefix.removeLast(9)  // "00:00:00Z"
        }
        let n = datePrefix.count
        datePrefix.withUnsafeBufferPointer { p.update(from: $0.baseAddress!, count: n) }
        let secs = Int(msOfDay / 1000)
        let h = secs / 3600, m = secs / 60 % 60, s = secs % 60
        p[n] = 48 + UInt8(h / 10); p[n + 1] = 48 + UInt8(h % 10); p[n + 2] = 58
        p[n + 3] = 48 + UInt8(m / 10); p[n + 4] = 48 + UInt8(m % 10); p[n + 5] = 58
        p[n + 6] = 48 + UInt8(s / 10); p[n + 7] = 48 + UInt8(s % 10); p[n + 8] = 90
        return n + 9
    }
}
