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
        if text.unicodeScalars.allSatisfy(isPlainNameScalar) {
            let folded = text.lowercased()
            if folded.unicodeScalars.allSatisfy(isPlainNameScalar), !folded.hasPrefix(" "), !folded.hasSuffix(" "),
               !folded.contains("  ") { return folded }
        }
        let visible = { (text: String) in String(String.UnicodeScalarView(text.unicodeScalars.filter { !contains($0) })) }
        let shown = visible(text)
        // Most names are ASCII and Vietnamese letters, which NFKC leaves as they are: Foundation's pass over
        // ICU was most of the fold, for every profile at every check.
        let compatible = shown.unicodeScalars.allSatisfy(isCompatibilityStable) ? shown : shown.precomposedStringWithCompatibilityMapping
        // Removed again after folding, in case a compatibility form or a case mapping yields an invisible character.
        let folded = visible(compatible.lowercased())
        return folded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
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
