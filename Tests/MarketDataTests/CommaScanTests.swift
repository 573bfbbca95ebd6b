@testable import MarketData
import Testing

/// The bytes `CommaScan.marks` finds in `text` (8 bytes), by position.
private func commaPositions(_ text: String) -> [Int] {
    let bytes = Array(text.utf8)
    precondition(bytes.count == 8)
    var word: UInt64 = 0
    for (k, b) in bytes.enumerated() { word |= UInt64(b) << (8 * k) }
    var marks = CommaScan.marks(in: word), found: [Int] = []
    while marks != 0 {
        found.append(marks.trailingZeroBitCount >> 3)
        marks &= marks &- 1
    }
    return found
}

/// Every comma and nothing else: a '-' after a comma (where the usual zero-byte trick
/// borrows), the byte 0xAC (a comma with the high bit set), neighbours '+' and '-'.
@Test func commaScanMarksExactlyTheCommas() {
    #expect(commaPositions("16.5,-3,") == [4, 7])
    #expect(commaPositions(",,,,,,,,") == Array(0..<8))
    #expect(commaPositions("abcdefgh") == [])
    #expect(commaPositions("+-./0123") == [])
    #expect(commaPositions(",-,-,-,-") == [0, 2, 4, 6])
    var word: UInt64 = 0xACAC_ACAC_ACAC_ACAC
    #expect(CommaScan.marks(in: word) == 0)
    word = 0x2C00_2D2C_2B00_0000  // bytes: 00 00 00 2B 2C 2D 00 2C
    #expect(CommaScan.marks(in: word) == 0x8000_0080_0000_0000)
    // Against a byte-at-a-time scan for every byte value in every position.
    for value in 0...255 {
        for position in 0..<8 {
            let w = UInt64(value) << (8 * position) | 0x4141_4141_4141_4141 & ~(0xFF << (8 * position))
            #expect(CommaScan.marks(in: w) == (value == 44 ? 0x80 << (8 * position) : 0))
        }
    }
}
