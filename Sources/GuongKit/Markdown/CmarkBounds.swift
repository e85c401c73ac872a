// Unsafe code: counts `![` and `]` over a body's UTF-8 buffer in one pass, before cmark sees it.
/// Inputs on which Debian's libcmark 0.30.2 takes time quadratic in their size, found by a linear scan before
/// cmark sees them. CVE-2023-22486 (fixed in cmark 0.30.3): each link closed after unclosed image openers `![`
/// walks back over all of them, so the time `![[]()` repeated takes grows with the square of its count.
/// The other published pathological inputs are linear in 0.30.2 (the timings, and the commit they were
/// measured at: docs/security.md).
enum CmarkBounds {
    /// Image openers times brackets closed, summed over the body's paragraphs: above it cmark's walk is refused.
    /// A paragraph with 3,000 images and as many links stays under it (cmark's time at the budget: docs/security.md).
    static let imageBracketBudget = 10_000_000

    /// The 0-based line, in `body`, of the first image opener of the paragraph that takes the cost over the
    /// budget; nil when under it.
    /// Cmark parses inlines one paragraph at a time and no paragraph holds a blank line, so counting between
    /// blank lines bounds the cost from above (a heading or a code block only counts more).
    static func lineOverBudget(in body: String) -> Int? {
        return body.withUTF8Bytes { bytes -> Int? in
            // Most bodies have no image opener at all: nothing can be over the budget.
            guard hasImageOpener(bytes) else { return nil }
            var total = 0, openers = 0, closers = 0
            var line = 0, chunkStart = 0, firstOpener = 0, lineIsBlank = true
            var previous: UInt8 = 0
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\n"):
                    if lineIsBlank {
                        total += openers * closers
                        if total > imageBracketBudget { return openers > 0 ? firstOpener : chunkStart }
                        (openers, closers) = (0, 0)
                        chunkStart = line + 1
                    }
                    line += 1
                    lineIsBlank = true
                case UInt8(ascii: " "), UInt8(ascii: "\t"):
                    break
                case UInt8(ascii: "["):
                    if previous == UInt8(ascii: "!") {
                        if openers == 0 { firstOpener = line }
                        openers += 1
                    }
                    lineIsBlank = false
                case UInt8(ascii: "]"):
                    closers += 1
                    lineIsBlank = false
                default:
                    lineIsBlank = false
                }
                previous = byte
            }
            total += openers * closers
            return total > imageBracketBudget ? (openers > 0 ? firstOpener : chunkStart) : nil
        }
    }

    /// Whether `![` occurs in `bytes`, found with `memchr` for each `!`.
    private static func hasImageOpener(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        while let at = bytes.index(ofByte: UInt8(ascii: "!"), from: offset) {
            if at + 1 < bytes.count, bytes[at + 1] == UInt8(ascii: "[") { return true }
            offset = at + 1
        }
        return false
    }
}
