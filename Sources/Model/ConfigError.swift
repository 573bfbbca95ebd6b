/// A bad config file, override or flag: the description says what, where (file:line or the
/// `--set` that caused it, and the key path) and how to fix it.
public struct ConfigError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
