/// What validation found in one source: counts per check, and the first few messages for
/// warnings and drops.
public struct ValidationReport: Sendable, Equatable {
    public var rowsRead = 0
    public var rowsKept = 0
    public var counts: [DataCheck: Int] = [:]
    /// The first `maxMessages` issue messages, in file order.
    public var messages: [String] = []
    public static let maxMessages = 10

    public init() {}

    public var issueCount: Int { counts.values.reduce(0, +) }

    mutating func record(_ check: DataCheck, message: @autoclosure () -> String) {
        counts[check, default: 0] += 1
        if messages.count < ValidationReport.maxMessages { messages.append(message()) }
    }

    /// Adds another source's counts (several files, several symbols).
    public mutating func merge(_ other: ValidationReport) {
        rowsRead += other.rowsRead
        rowsKept += other.rowsKept
        for (k, v) in other.counts { counts[k, default: 0] += v }
        for m in other.messages where messages.count < ValidationReport.maxMessages { messages.append(m) }
    }
}
