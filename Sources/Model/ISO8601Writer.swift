/// Writes many ISO-8601 timestamps quickly: the `YYYY-MM-DDT` part is formatted once per
/// day and reused, so a year of minute bars computes 365 civil dates, not 525,600; each
/// row's bytes go out as a few word stores (equity.csv writes 525,600 of them).
public struct ISO8601Writer: Sendable {
    private var day: Int64 = .min
    /// The day's `YYYY-MM-DDT`: its first eight bytes and the last three (years 0 to 9999,
    /// eleven bytes), or all of them in `longPrefix` for other years.
    private var head: UInt64 = 0, tail: UInt32 = 0
    private var longPrefix: [UInt8]?

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
        if d != day { startDay(d) }
        let raw = UnsafeMutableRawPointer(p)
        var n = 11
        if let longPrefix {
            longPrefix.withUnsafeBufferPointer { p.update(from: $0.baseAddress!, count: $0.count) }
            n = longPrefix.count
        } else {
            raw.storeBytes(of: head, as: UInt64.self)  // the bytes as loaded
            raw.storeBytes(of: tail.littleEndian, toByteOffset: 8, as: UInt32.self)  // its fourth byte is overwritten below
        }
        // HH:MM:SS as one word (the first byte lowest), then the Z.
        let secs = UInt64(msOfDay / 1000)
        let time = Self.twoDigits(secs / 3600) | 0x3A << 16 | Self.twoDigits(secs / 60 % 60) << 24 | 0x3A << 40 | Self.twoDigits(secs % 60) << 48
        (raw + n).storeBytes(of: time.littleEndian, as: UInt64.self)
        p[n + 8] = 90
        return n + 9
    }

    private mutating func startDay(_ d: Int64) {
        day = d
        var text: [UInt8] = []
        Timestamp(milliseconds: d * Timestamp.millisecondsPerDay).appendISO8601(to: &text)
        text.removeLast(9)  // "00:00:00Z"
        guard text.count == 11 else { longPrefix = text; return }
        longPrefix = nil
        head = text.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        tail = UInt32(text[8]) | UInt32(text[9]) << 8 | UInt32(text[10]) << 16
    }

    /// `x` (0 to 99) as two ASCII digits, the first in the low byte.
    @inline(__always)
    private static func twoDigits(_ x: UInt64) -> UInt64 {
        let tens = x / 10
        return (48 + tens) | (48 + x - tens * 10) << 8
    }
}
