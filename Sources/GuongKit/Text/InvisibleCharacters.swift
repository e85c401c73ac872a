import Foundation

/// Characters a reader cannot see: in a name they make two exemplars look alike, reorder the text around them
/// on a page, or upset a terminal. Unicode's classes, not a hand list, so every spelling of the trick is caught.
enum InvisibleCharacters {
    /// Whether `scalar` is invisible: controls (tab and line ends aside), Default_Ignorable_Code_Point (zero
    /// widths, joiners, bidi controls, soft hyphen, variation selectors, tags, Hangul fillers, U+180E …), the
    /// other format characters (U+1D173–1D17A …), line and paragraph separators, noncharacters, and the blanks
    /// that are letters or symbols (Khmer inherent vowels U+17B4/17B5, Braille blank U+2800).
    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0x7F }
        // Latin and the Vietnamese letters (most scalars of most files) from tables made by the rule below.
        if value < 0x300 { return latin[Int(value) - 0x80] }
        if (0x1E00..<0x1F00).contains(value) { return vietnamese[Int(value) - 0x1E00] }
        return byProperties(scalar)
    }

    /// `contains` for U+0080–U+02FF and for U+1E00–U+1EFF, by scalar.
    private static let latin = (0x80..<0x300).map { byProperties(Unicode.Scalar(UInt32($0))!) }
    private static let vietnamese = (0x1E00..<0x1F00).map { byProperties(Unicode.Scalar(UInt32($0))!) }

    /// `contains` of a non-ASCII scalar, by its Unicode properties.
    private static func byProperties(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        let properties = scalar.properties
        if properties.isDefaultIgnorableCodePoint || properties.isNoncharacterCodePoint { return true }
        switch properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: break
        }
        // Listed too, in case a Unicode table of the platform is older than the characters' classes.
        switch value {
        case 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x2800, 0x3164, 0xFFA0, 0x1D173...0x1D17A: return true
        default: return false
        }
    }

    /// `text` as compared for sameness: invisible characters removed, compatibility forms folded (NFKC: a
    /// no-break or full-width space is a space, `ｌ` is `l`), runs of white space one space, case ignored.
    /// Diacritics stay: Thu and Thư are two people.
    static func identityFold(_ text: String) -> String {
        // Names of ASCII and Vietnamese letters (most) skip what cannot change them: the invisible filter,
        // NFKC, and white space other than single spaces. The result is the same; building it is cheaper.
        // (A name `plainFold` leaves has a scalar that is not plain or whose lowercase is not one plain scalar, or
        // a space too many: its `lowercased()` could not be all plain with single spaces either.)
        if let folded = plainFold(text) { return folded }
        let visible = { (text: String) in String(String.UnicodeScalarView(text.unicodeScalars.filter { !contains($0) })) }
        let shown = visible(text)
        // Most names are ASCII and Vietnamese letters, which NFKC leaves as they are: Foundation's pass over
        // ICU was most of the fold, for every profile at every check.
        let compatible = shown.unicodeScalars.allSatisfy(isCompatibilityStable) ? shown : shown.precomposedStringWithCompatibilityMapping
        // Removed again after folding, in case a compatibility form or a case mapping yields an invisible character.
        let folded = visible(compatible.lowercased())
        return folded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `identityFold` of a name of plain scalars that each lowercase to one plain scalar, with single spaces
    /// between words: each scalar lowercased by `plainLowercase`; nil for any other name. Swift's `lowercased()`
    /// looks each non-ASCII scalar up in Unicode's case tables, a tenth of the site's rules at 10,000 profiles.
    private static func plainFold(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var afterSpace = true  // so a leading space, like a double one, leaves the name to the full fold
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let index = value < 0x300 ? Int(value) : (0x1E00..<0x1F00).contains(value) ? Int(value) - 0x1E00 + 0x300 : -1
            guard index >= 0 else { return nil }
            let lowered = plainLowercase[index]
            guard lowered != 0 else { return nil }
            if lowered == 0x20 {
                guard !afterSpace else { return nil }
                afterSpace = true
            } else {
                afterSpace = false
            }
            switch lowered {
            case ..<0x80:
                bytes.append(UInt8(lowered))
            case ..<0x800:
                bytes.append(UInt8(0xC0 | lowered >> 6))
                bytes.append(UInt8(0x80 | lowered & 0x3F))
            default:
                bytes.append(UInt8(0xE0 | lowered >> 12))
                bytes.append(UInt8(0x80 | lowered >> 6 & 0x3F))
                bytes.append(UInt8(0x80 | lowered & 0x3F))
            }
        }
        guard !afterSpace || bytes.isEmpty else { return nil }  // a trailing space
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The lowercase of each plain scalar (`isPlainNameScalar`) whose lowercase is one plain scalar, by value: U+0000–
    /// U+02FF at their own index, U+1E00–U+1EFF from 0x300; 0 for every other scalar. Made with `lowercased()` itself,
    /// so the two agree (these letters lowercase alike wherever they stand); İ, whose lowercase is two scalars, is 0.
    static let plainLowercase: [UInt32] = (Array(0..<0x300) + Array(0x1E00..<0x1F00)).map { (value: UInt32) -> UInt32 in
        guard let scalar = Unicode.Scalar(value), isPlainNameScalar(scalar) else { return 0 }
        let lowered = String(scalar).lowercased().unicodeScalars
        guard lowered.count == 1, let only = lowered.first, isPlainNameScalar(only) else { return 0 }
        return only.value
    }

    /// A scalar the plain path of `identityFold` takes: visible ASCII or the space, or a letter
    /// `isCompatibilityStable` accepts beyond ASCII (none of which is invisible or white space).
    private static func isPlainNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (0x20...0x7E).contains(scalar.value) : isCompatibilityStable(scalar)
    }
}

extension InvisibleCharacters {
    /// Whether NFKC leaves `scalar` as it is wherever it stands: ASCII and the precomposed Latin letters of
    /// Vietnamese (Latin-1's, Latin Extended-A's but for its compatibility ligatures, ơ ư, U+1EA0–U+1EF9).
    /// Each is a starter with no compatibility mapping that nothing before it composes with (the tests
    /// check every one, alone and after every other).
    static func isCompatibilityStable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x7F, 0xC0...0xFF: true
        case 0x0132, 0x0133, 0x013F, 0x0140, 0x0149: false  // Ĳ ĳ Ŀ ŀ ŉ
        case 0x0100...0x017E, 0x01A0, 0x01A1, 0x01AF, 0x01B0, 0x1EA0...0x1EF9: true
        default: false
        }
    }
}

extension Profile {
    /// Who the profile is about, as duplicates are found: kind, name (folded by `InvisibleCharacters.identityFold`), unit.
    var identityKey: String { "\(kind.rawValue)|\(InvisibleCharacters.identityFold(name))|\(unitID)" }
}
