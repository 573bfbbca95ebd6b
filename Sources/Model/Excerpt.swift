/// Input quoted in an error message, cut to a short prefix: a two-million-character field
/// must not become a two-megabyte error. `abc` stays `abc`; a long value becomes its first
/// `limit` characters, `...` and its length.
public func excerpt<S: StringProtocol>(_ value: S, limit: Int = 60) -> String {
    guard value.count > limit else { return String(value) }
    return String(value.prefix(limit)) + "... (\(value.count) characters)"
}
