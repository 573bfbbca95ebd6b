import Crypto
import MarketData
import Model
import Foundation

/// One input file as provenance records it: the path the config gave, its size and SHA-256.
public struct DataFileRecord: Sendable, Equatable {
    public var path: String
    public var bytes: Int
    public var sha256: String

    /// Hashes the file at `url` (memory-mapped, read once), or takes its hash from
    /// `DataHashCache` when the file is unchanged since it was last hashed.
    package static func read(_ url: URL, as path: String,
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DataFileRecord {
        let (bytes, sha256) = try DataHashCache.sha256(of: url, environment: environment) {
            guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else {
                throw DataError("cannot read data file '\(path)' to hash it for provenance")
            }
            return (data.count, data.withUnsafeBytes { SHA256Text.of($0) })
        }
        return DataFileRecord(path: path, bytes: bytes, sha256: sha256)
    }

    package var canonical: CanonicalValue {
        .map(["path": .string(path), "bytes": .int(bytes), "sha256": .string(sha256)])
    }
}
