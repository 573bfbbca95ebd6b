import Crypto
import MarketData
import Model
import Foundation

/// One input file as provenance records it: the path the config gave, its size and SHA-256.
public struct DataFileRecord: Sendable, Equatable {
    public var path: String
    public var bytes: Int
    public var sha256: String

    /// Hashes the file at `url` (memory-mapped, read once).
    package static func read(_ url: URL, as path: String) throws -> DataFileRecord {
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else {
            throw DataError("cannot read data file '\(path)' to hash it for provenance")
        }
        return DataFileRecord(path: path, bytes: data.count, sha256: data.withUnsafeBytes { SHA256Text.of($0) })
    }

    package var canonical: CanonicalValue {
        .map(["path": .string(path), "bytes": .int(bytes), "sha256": .string(sha256)])
    }
}
