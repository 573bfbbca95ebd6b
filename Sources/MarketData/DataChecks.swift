/// The checks every loaded row goes through (config `data.checks`).
public enum DataCheck: String, CaseIterable, Sendable, Comparable {
    /// An empty or NaN price or volume.
    case missing
    /// A price that is zero or negative.
    case prices
    /// A negative volume.
    case volume
    /// high < max(open, close), low > min(open, close), or high < low.
    case ohlc
    /// A timestamp earlier than the previous row's.
    case order
    /// A timestamp equal to the previous row's.
    case duplicates

    public static func < (a: DataCheck, b: DataCheck) -> Bool { a.rawValue < b.rawValue }

    /// Rows failing these checks cannot stay in the series (a NaN poisons equity; the
    /// timeline must be strictly increasing), so `warn` drops them too, with a warning.
    public var rowCanBeKept: Bool {
        switch self {
        case .missing, .order, .duplicates: false
        case .prices, .volume, .ohlc: true
        }
    }
}

/// What to do with a row that fails a check.
public enum CheckPolicy: String, CaseIterable, Sendable {
    /// Stop with an error naming the row (the default).
    case error
    /// Keep the row when it can be kept, count it and print a warning.
    case warn
    /// Skip the row and count it.
    case drop
}

/// A policy per check; every check defaults to `error`.
public struct DataChecks: Sendable, Equatable {
    public var policies: [DataCheck: CheckPolicy]

    public init(_ policies: [DataCheck: CheckPolicy] = [:]) { self.policies = policies }

    public subscript(check: DataCheck) -> CheckPolicy { policies[check] ?? .error }
}
