import Foundation

/// The regular files of a ustar archive (what `tar --format=ustar` writes), name and bytes,
/// in archive order. The fuzz corpus is kept as one archive per target: 2,600 loose files
/// made every `git status` (and so every run's provenance) walk and stat them all.
///
/// Throws on a header whose size field is not octal or a file that runs past the end, so a
/// damaged archive fails the replay test instead of replaying nothing.
struct TarEntries {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    let files: [(name: String, data: Data)]

    init(_ archive: Data) throws {
        let bytes = [UInt8](archive)
        var files: [(name: String, data: Data)] = []
        var offset = 0
        while offset + 512 <= bytes.count {
            let header = bytes[offset..<offset + 512]
            if header.allSatisfy({ $0 == 0 }) { break }  // the end: two zero blocks
            let name = Self.text(header, 0, 100)
            let prefix = Self.text(header, 345, 155)
            guard let size = Int(Self.text(header, 124, 12).trimmingCharacters(in: .whitespaces), radix: 8) else {
                throw Malformed(description: "entry at byte \(offset): its size field is not an octal number")
            }
            let start = offset + 512
            guard start + size <= bytes.count else {
                throw Malformed(description: "entry '\(name)' at byte \(offset): \(size) bytes run past the end of the archive")
            }
            let type = header[header.startIndex + 156]
            if type == UInt8(ascii: "0") || type == 0 {
                let path = prefix.isEmpty ? name : prefix + "/" + name
                files.append((path, Data(bytes[start..<start + size])))
            }
            offset = start + (size + 511) / 512 * 512
        }
        self.files = files
    }

    /// A NUL-terminated field of the header.
    private static func text(_ header: ArraySlice<UInt8>, _ at: Int, _ length: Int) -> String {
        let field = header[(header.startIndex + at)..<(header.startIndex + at + length)]
        return String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
    }
}
