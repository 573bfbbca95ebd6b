/// `Timestamp.parse(bytes:)` for a column of timestamps, read row after row: it keeps the
/// last date it read, and a row that starts with the same ten bytes (`2023-01-01`) takes
/// that day without reading the date again. A year of minute bars has 1,440 rows a day,
/// and the date was half of reading a timestamp. The same result as `Timestamp.parse`.
public struct TimestampColumnParser {
    /// The last date's ten bytes, as a word and a half, and the start of its day (ms).
    private var date: (head: UInt64, tail: UInt16)?
    private var dayStart: Int64 = 0

    public init() {}

    public mutating func parse(_ bytes: UnsafeRawBufferPointer) -> Timestamp? {
        guard bytes.count >= 10 else { return Timestamp.parse(bytes: bytes) }
        let head = bytes.loadUnaligned(as: UInt64.self), tail = bytes.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
        if let date, date.head == head, date.tail == tail { return Timestamp.parseTime(bytes, dayStart: dayStart) }
        // A date's fifth byte is '-': anything else (epoch digits) is read the whole way.
        guard bytes[4] == 45, let start = Timestamp.parseDate(bytes) else { return Timestamp.parse(bytes: bytes) }
        (date, dayStart) = ((head, tail), start)
        return Timestamp.parseTime(bytes, dayStart: start)
    }
}
