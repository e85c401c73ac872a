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
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var taken = 0
        while taken < count, index < scalars.endIndex, breaksAround(scalars[index]) {
            scalars.formIndex(after: &index)
            taken += 1
        }
        if taken == count, index == scalars.endIndex || breaksAround(scalars[index]) { return index }
        // Fewer such scalars than `count`, and nothing else: as few Characters.
        if taken < count, index == scalars.endIndex { return nil }
        return text.index(text.startIndex, offsetBy: count, limitedBy: text.endIndex)
    }

    /// The first `count` Characters of `text` (all of it if it has no more): `String(text.prefix(count))`.
    static func prefix(of text: String, count: Int) -> String {
        guard let end = end(of: text, count: count) else { return text }
        return String(text[..<end])
    }

    /// Whether a Character boundary lies on either side of `scalar` when its neighbour is such a scalar too.
    static func breaksAround(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x20...0x7E, 0xA0...0x2FF, 0x1E00...0x1EFF, 0x2010...0x2027: true
        default: false
        }
    }
}
