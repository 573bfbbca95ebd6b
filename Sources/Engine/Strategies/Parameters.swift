import Model

/// A strategy parameter's value as configs and the command line give it.
public enum ParameterValue: Sendable, Equatable, CustomStringConvertible {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)

    public var description: String {
        switch self {
        case .int(let v): String(v)
        case .double(let v): String(v)
        case .bool(let v): String(v)
        case .string(let v): v
        }
    }
}

/// A parameter that is missing, mistyped, out of range or unknown. The description says
/// which, for which strategy, and how to fix it.
public struct ParameterError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The `params:` a strategy is built from. A strategy reads each of its parameters once in
/// `init(parameters:)`; after that, `checkAllRead()` reports any key it never asked for, so
/// that a typo such as `fsat: 10` is an error and not a silently ignored setting.
public final class Parameters {
    public let strategy: String
    /// The run's symbols, in the order `onBar` numbers them.
    public let symbols: [String]
    private let values: [String: ParameterValue]
    private var read: Set<String> = []

    public init(strategy: String, symbols: [String], values: [String: ParameterValue]) {
        (self.strategy, self.symbols, self.values) = (strategy, symbols, values)
    }

    /// The parameters with their values, sorted by key.
    public var sorted: [(String, ParameterValue)] { values.sorted { $0.key < $1.key } }

    public func int(_ key: String, default fallback: Int, range: ClosedRange<Int>? = nil) throws -> Int {
        read.insert(key)
        guard let v = values[key] else { return fallback }
        guard case .int(let i) = v else {
            throw ParameterError("parameter '\(key)' of strategy '\(strategy)' must be a whole number, got '\(excerpt(v.description))'")
        }
        if let range, !range.contains(i) {
            throw ParameterError("parameter '\(key)' of strategy '\(strategy)' must be in \(range.lowerBound)...\(range.upperBound), got \(i)")
        }
        return i
    }

    public func double(_ key: String, default fallback: Double, range: ClosedRange<Double>? = nil) throws -> Double {
        read.insert(key)
        guard let v = values[key] else { return fallback }
        let d: Double
        switch v {
        case .int(let i): d = Double(i)
        case .double(let x): d = x
        default: throw ParameterError("parameter '\(key)' of strategy '\(strategy)' must be a number, got '\(excerpt(v.description))'")
        }
        if let range, !range.contains(d) {
            throw ParameterError("parameter '\(key)' of strategy '\(strategy)' must be in \(range.lowerBound)...\(range.upperBound), got \(d)")
        }
        return d
    }

    public func bool(_ key: String, default fallback: Bool) throws -> Bool {
        read.insert(key)
        guard let v = values[key] else { return fallback }
        guard case .bool(let b) = v else {
            throw ParameterError("parameter '\(key)' of strategy '\(strategy)' must be true or false, got '\(excerpt(v.description))'")
        }
        return b
    }

    public func string(_ key: String, default fallback: String, oneOf choices: [String]? = nil) throws -> String {
        read.insert(key)
        guard let v = values[key] else { return fallback }
        let s = v.description
        if let choices, !choices.contains(s) {
            throw ParameterError("parameter '\(key)' of strategy '\(strategy)' must be one of \(choices.joined(separator: ", ")), got '\(s)'")
        }
        return s
    }

    /// Throws for the first (alphabetically) key the strategy never read.
    public func checkAllRead() throws {
        let known = read.sorted()
        for key in values.keys.sorted() where !read.contains(key) {
            var message = "unknown parameter '\(key)' for strategy '\(strategy)'"
            if let hint = closestMatch(to: key, in: known) { message += " (did you mean '\(hint)'?)" }
            message += known.isEmpty ? "; it takes no parameters" : "; it takes: \(known.joined(separator: ", "))"
            throw ParameterError(message)
        }
    }
}

/// The candidate nearest to `word` by edit distance, if it is near enough to be a typo.
public func closestMatch(to word: String, in candidates: [String]) -> String? {
    var best: (String, Int)?
    for c in candidates {
        // Lengths that far apart cannot be that close; it also keeps a huge word cheap.
        guard abs(word.count - c.count) <= max(2, c.count / 3) else { continue }
        let d = editDistance(word, c)
        if d <= max(2, c.count / 3), d < (best?.1 ?? .max) { best = (c, d) }
    }
    return best?.0
}

/// Levenshtein distance.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased()), b = Array(b.lowercased())
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        cur[0] = i
        for j in 1...b.count {
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&prev, &cur)
    }
    return prev[b.count]
}
