import CProcess
import Foundation
import RunProvenance

/// One file of a run written as it is made: rows are formatted into a fixed buffer, which is
/// hashed and written each time it fills. A year of minute equity (30 MB) so never sits whole
/// in memory (no 30 MB of fresh pages to fault in, no copy), and each piece is hashed while
/// it is still in cache.
///
/// A failed write is kept and thrown by `finish`; formatting carries on into the buffer
/// meanwhile (it is cheap, and keeps the row writers free of `try`), and nothing more is
/// written.
final class ArtifactSink {
    /// Bytes formatted before they are hashed and written: large enough that a write call
    /// costs little, small enough to stay in the core's cache.
    static let chunk = 256 << 10
    /// The most `room` may ask for at once.
    static let maxRow = 4096

    let name: String
    private let url: URL
    private var descriptor: Int32
    private let buffer: UnsafeMutablePointer<UInt8>
    private var used = 0
    private var hasher: SHA256Stream?
    private var failure: String?
    /// Without a file (`collect`), the bytes gather here.
    private var collected: [UInt8]?

    /// Creates (or truncates) `url`; `hashed` keeps a SHA-256 of everything written.
    init(url: URL, name: String, hashed: Bool) throws {
        (self.url, self.name) = (url, name)
        descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.error(name, url, errno) }
        buffer = .allocate(capacity: Self.chunk + Self.maxRow)
        hasher = hashed ? SHA256Stream() : nil
    }

    /// A sink into an unnamed file in `directory` (`qbt_open_unnamed_file`), named by
    /// `finish(linkingAs:)` once complete; nil where the file system offers none.
    init?(unnamedIn directory: URL, name: String, hashed: Bool) {
        let descriptor = qbt_open_unnamed_file(directory.path)
        guard descriptor >= 0 else { return nil }
        (self.url, self.name, self.descriptor) = (directory.appendingPathComponent(name), name, descriptor)
        buffer = .allocate(capacity: Self.chunk + Self.maxRow)
        hasher = hashed ? SHA256Stream() : nil
    }

    /// A sink that keeps the bytes in memory, for callers (tests) that want them whole.
    private init(collecting name: String) {
        (self.url, self.name, descriptor) = (URL(fileURLWithPath: "/"), name, -1)
        buffer = .allocate(capacity: Self.chunk + Self.maxRow)
        collected = []
    }

    /// The bytes `stream` writes, whole.
    static func collect(name: String, _ stream: (ArtifactSink) -> Void) -> [UInt8] {
        let sink = ArtifactSink(collecting: name)
        stream(sink)
        sink.flush()
        return sink.collected ?? []
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        buffer.deallocate()
    }

    /// Where the next `n` bytes (at most `maxRow`) go; `advance(n)` then keeps them.
    @inline(__always)
    func room(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if used + n > Self.chunk { flush() }
        return buffer + used
    }

    @inline(__always)
    func advance(_ n: Int) { used += n }

    /// Appends bytes of any length.
    func append(_ bytes: UnsafeRawBufferPointer) {
        var from = 0
        while from < bytes.count {
            let n = min(bytes.count - from, Self.maxRow)
            room(n).update(from: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self) + from, count: n)
            advance(n)
            from += n
        }
    }

    /// An unnamed sink's file, complete, named `url` and closed; its SHA-256 (nil when not
    /// hashed). Nil, and the file dropped, when it could not be written or named: the
    /// caller writes it the ordinary way.
    func finish(linkingAs url: URL) -> String?? {
        flush()
        defer { close(descriptor); descriptor = -1 }
        guard failure == nil, qbt_link_open_file(descriptor, url.path) == 0 else { return nil }
        return .some(hasher.take()?.hex())
    }

    /// Writes what is left, closes the file and returns its SHA-256 (nil when not hashed).
    func finish() throws -> String? {
        flush()
        let closed = close(descriptor)
        let closeError = errno
        descriptor = -1
        if let failure { throw ConfigError(failure) }
        if closed != 0 { throw Self.error(name, url, closeError) }
        return hasher.take()?.hex()
    }

    private func flush() {
        defer { used = 0 }
        guard used > 0, failure == nil else { return }
        let piece = UnsafeRawBufferPointer(start: buffer, count: used)
        if collected != nil { collected!.append(contentsOf: piece); return }
        hasher?.update(piece)
        var from = 0
        while from < used {
            let n = write(descriptor, buffer + from, used - from)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                failure = Self.error(name, url, n < 0 ? errno : ENOSPC).description
                return
            }
            from += n
        }
    }

    private static func error(_ name: String, _ url: URL, _ code: Int32) -> ConfigError {
        ConfigError("cannot write \(name) in '\(url.deletingLastPathComponent().path)': \(String(cString: strerror(code)))")
    }
}
