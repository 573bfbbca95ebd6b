import Model

/// Applies `DataChecks` to rows as they are read, in order, keeping the report.
///
/// The caller passes a `where` text builder that is only called when a row fails, so the
/// common path builds no strings.
public struct BarValidator: Sendable {
    public let checks: DataChecks
    public private(set) var report = ValidationReport()
    private var previous: Int64?

    public init(checks: DataChecks) { self.checks = checks }

    /// Keeps `bar` and returns true when it passes every check (the common case: no
    /// closure, no strings); false, changing nothing, when `admit` must look at it.
    @inline(__always)
    public mutating func admitClean(_ bar: Bar) -> Bool {
        let t = bar.time.milliseconds
        if let previous, t <= previous { return false }
        guard bar.open > 0, bar.high > 0, bar.low > 0, bar.close > 0, bar.volume >= 0,
              bar.high >= max(bar.open, bar.close), bar.low <= min(bar.open, bar.close) else { return false }
        report.rowsRead += 1
        report.rowsKept += 1
        previous = t
        return true
    }

    /// Whether to keep `bar`; throws when a failed check's policy is `error`.
    /// `missingColumn` names a column whose field was empty or NaN, if any.
    public mutating func admit(_ bar: Bar, missingColumn: String?, location: () -> String) throws -> Bool {
        report.rowsRead += 1
        var keep = true
        func fail(_ check: DataCheck, _ what: String) throws {
            let policy = checks[check]
            let message = "\(location()): \(what)"
            if policy == .error {
                throw DataError("\(message) (check '\(check.rawValue)'; set data.checks.\(check.rawValue) to warn or drop to accept or skip such rows)")
            }
            report.record(check, message: message)
            if policy == .drop || !check.rowCanBeKept { keep = false }
        }
        if let missingColumn {
            try fail(.missing, "column '\(excerpt(missingColumn))': empty or NaN value")
            if !keep { return false }
        }
        let t = bar.time.milliseconds
        if let previous {
            if t == previous {
                try fail(.duplicates, "column 'timestamp': \(bar.time) repeats the previous row's timestamp")
            } else if t < previous {
                try fail(.order, "column 'timestamp': \(bar.time) is earlier than the previous row's \(Timestamp(milliseconds: previous))")
            }
            if !keep { return false }
        }
        if bar.open <= 0 || bar.high <= 0 || bar.low <= 0 || bar.close <= 0 {
            // The first non-positive column, in file-layout order.
            let (name, price) = bar.open <= 0 ? ("open", bar.open) : bar.high <= 0 ? ("high", bar.high)
                : bar.low <= 0 ? ("low", bar.low) : ("close", bar.close)
            try fail(.prices, "column '\(excerpt(name))': price \(price) is not positive")
        }
        if bar.volume < 0 { try fail(.volume, "column 'volume': volume \(bar.volume) is negative") }
        if bar.high < max(bar.open, bar.close) {
            try fail(.ohlc, "column 'high': high \(bar.high) is below max(open, close) \(max(bar.open, bar.close))")
        } else if bar.low > min(bar.open, bar.close) {
            try fail(.ohlc, "column 'low': low \(bar.low) is above min(open, close) \(min(bar.open, bar.close))")
        }
        if keep {
            previous = t
            report.rowsKept += 1
        }
        return keep
    }
}
