/// Bit tricks over eight bytes of text at once, for the escapers' fast paths (`HTMLEscaping`, `JSONOutput`):
/// each answer is nonzero whenever such a byte is in the word (it may also be nonzero when none is), so a
/// zero answer lets all eight bytes through as they are.
enum ByteWord {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Nonzero when a byte of `word` is `byte` (the zero-byte test after XOR with it).
    static func has(_ byte: UInt8, in word: UInt64) -> UInt64 {
        let matched = word ^ (ones &* UInt64(byte))
        return (matched &- ones) & ~matched & highs
    }

    /// Nonzero when a byte of `word` is below `limit`, which is at most 0x80.
    static func hasByte(below limit: UInt8, in word: UInt64) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & highs
    }
}
