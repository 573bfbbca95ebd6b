/// Bad input data: the description says what is wrong, where (file:line, column) and how
/// to fix it.
public struct DataError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
