// Unsafe code: a text's UTF-8 read in place to count its first scalars (every page's description, every card's summary).
import GuongKit

/// Where a text's first Characters end, found by Unicode scalar where that gives the same answer: grapheme
/// breaking (`String.prefix`, `index(_:offsetBy:)`) was a page's costliest step for long descriptions.
///
/// Between two scalars that are each a tab, a line feed, printable ASCII, Latin-1 and the Latin and IPA blocks up to U+02FF,
/// Latin Extended Additional (Vietnamese's precomposed letters) or General Punctuation's dashes, quotes and
/// bullets (U+2010–U+2027), there is always a Character boundary: none is a combining mark, a joiner, a
/// prepended mark, a Hangul jamo or a regional indicator (UAX #29; a control such as the soft hyphen breaks
/// on both sides). A run of such scalars is as many Characters, so within it counting scalars is exact.
enum CharacterPrefix {
    /// The index just after the first `count` Characters of `text`, or nil when it has fewer:
    /// `text.index(text.startIndex, offsetBy: count, limitedBy: text.endIndex)`.
    static func end(of text: String, count: Int) -> String.Index? {
        // The UTF-8 read in place, scalar by scalar: the scalar view decoded each one at several times the cost.
        let shortcut = text.withUTF8Bytes { bytes -> (offset: Int, exact: Bool)? in
            var offset = 0, taken = 0
            while offset < bytes.count {
                guard let (scalar, length) = decode(bytes, at: offset), breaksAround(scalar) else { return nil }
                if taken == count { return (offset, true) }
                offset += length
                taken += 1
            }
            // Only such scalars to the end: the text has `taken` Characters.
            return (offset, taken == count)
        }
        switch shortcut {
        case let (offset, true)?: return text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        case (_, false)?: return nil
        case nil: return text.index(text.startIndex, offsetBy: count, limitedBy: text.endIndex)
        }
    }

    /// The scalar whose UTF-8 starts at `offset` (valid UTF-8: a String's), and its length in bytes.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (UInt32, Int)? {
        let lead = UInt32(bytes[offset])
        switch lead {
        case ..<0x80: return (lead, 1)
        case 0xC0..<0xE0: return ((lead & 0x1F) << 6 | UInt32(bytes[offset + 1]) & 0x3F, 2)
        case 0xE0..<0xF0: return ((lead & 0x0F) << 12 | (UInt32(bytes[offset + 1]) & 0x3F) << 6 | UInt32(bytes[offset + 2]) & 0x3F, 3)
        default: return nil  // four bytes: beyond the ranges taken
        }
    }

    /// The first `count` Characters of `text` (all of it if it has no more): `String(text.prefix(count))`.
    static func prefix(of text: String, count: Int) -> String {
        guard let end = end(of: text, count: count) else { return text }
        return String(text[..<end])
    }

    /// Whether a Character boundary lies on either side of `scalar` when its neighbour is such a scalar too.
    static func breaksAround(_ scalar: Unicode.Scalar) -> Bool { breaksAround(scalar.value) }

    private static func breaksAround(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09, 0x0A, 0x20...0x7E, 0xA0...0x2FF, 0x1E00...0x1EFF, 0x2010...0x2027: true
        default: false
        }
    }
}
