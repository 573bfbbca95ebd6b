import Crypto
import Foundation

/// SHA-256 as lowercase hex, the form manifests and provenance record.
public enum SHA256Text {
    public static func of(_ data: Data) -> String { hex(SHA256.hash(data: data)) }
    public static func of(_ bytes: UnsafeRawBufferPointer) -> String { hex(SHA256.hash(data: bytes)) }

    fileprivate static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest { out.append(digits[Int(byte >> 4)]); out.append(digits[Int(byte & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// SHA-256 of bytes given a piece at a time (a file hashed as it is written), as hex.
public struct SHA256Stream {
    private var hasher = SHA256()
    public init() {}
    public mutating func update(_ bytes: UnsafeRawBufferPointer) { hasher.update(bufferPointer: bytes) }
    public consuming func hex() -> String { SHA256Text.hex(hasher.finalize()) }
}
