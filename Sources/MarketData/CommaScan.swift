/// Finds the commas of eight bytes at once (SWAR: one 64-bit word), for the CSV row
/// splitter: a row of bars is about 64 bytes with 5 commas, and a byte-at-a-time loop
/// was a fifth of parsing.
enum CommaScan {
    /// The high bit of each byte of `word` that is a comma (bytes in memory order, the
    /// first lowest), exactly: the low seven bits are added apart from the high bit, so no
    /// carry runs into the next byte (the common trick's `(x - 0x01..) & ~x` marks a '-'
    /// right after a comma too).
    @inline(__always)
    static func marks(in word: UInt64) -> UInt64 {
        let x = word ^ 0x2C2C_2C2C_2C2C_2C2C  // a comma becomes 0
        let low7 = (x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F  // high bit set unless the low 7 bits are 0
        return ~(low7 | x | 0x7F7F_7F7F_7F7F_7F7F)
    }
}
