import Crypto
import Foundation

/// SHA-256 as lowercase hex, the form manifests and provenance record.
public enum SHA256Text {
    public static func of(_ data: Data) -> String { hex(SHA256.hash(data: data)) }
    public static func of(_ bytes: UnsafeRawBufferPointer) -> String { hex(SHA256.hash(data: bytes)) }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest { out.append(digits[Int(byte >> 4)]); out.append(digits[Int(byte & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
