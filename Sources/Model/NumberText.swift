/// Numbers written straight into bytes, for writers that format rows into a buffer. A Double
/// is `CanonicalValue.format`'s text (Swift's shortest round-trip digits; non-finite values
/// are `null`), written by `ShortestDecimal` without a String for the values runs write, and
/// through `description` for the rest (Swift offers no public way to print a Double without
/// a String, and the runtime's C entry point `swift_float64ToString` no longer returns the
/// text at the start of its buffer in Swift 6.3).
public enum NumberText {
    /// The most bytes `write` produces.
    public static let maxBytes = 32

    /// Writes `x` at `p` (room for `maxBytes`) and returns how many bytes it wrote.
    @inline(__always)
    public static func write(_ x: Double, to p: UnsafeMutablePointer<UInt8>) -> Int {
        if let count = ShortestDecimal.write(x, to: p) { return count }
        guard x.isFinite else {
            (p[0], p[1], p[2], p[3]) = (110, 117, 108, 108)  // null
            return 4
        }
        var text = x.description
        return text.withUTF8 { utf8 in
            precondition(utf8.count <= maxBytes, "a Double's text is longer than \(maxBytes) bytes")
            p.update(from: utf8.baseAddress!, count: utf8.count)
            return utf8.count
        }
    }

    /// Appends the text of `x` to `out`.
    public static func append(_ x: Double, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxBytes) { buffer in
            let n = write(x, to: buffer.baseAddress!)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<n]))
        }
    }

    /// Writes the decimal digits of `n` at `p` (room for 20 bytes) and returns the count.
    @inline(__always)
    public static func write(_ n: Int, to p: UnsafeMutablePointer<UInt8>) -> Int {
        var digits = (UInt64(0), UInt64(0), UInt64(0))  // 24 bytes, filled from the end
        var v = n.magnitude, count = 0
        return withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                count += 1
                d[24 - count] = 48 + UInt8(v % 10)
                v /= 10
            } while v > 0
            var at = 0
            if n < 0 { p[0] = 45; at = 1 }
            for k in 0..<count { p[at + k] = d[24 - count + k] }
            return at + count
        }
    }
}
