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
        let visible = { (text: String) in String(String.UnicodeScalarView(text.unicodeScalars.filter { !contains($0) })) }
        // Removed again after folding, in case a compatibility form or a case mapping yields an invisible character.
        let folded = visible(visible(text).precomposedStringWithCompatibilityMapping.lowercased())
        return folded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

extension Profile {
    /// Who the profile is about, as duplicates are found: kind, name (folded by `InvisibleCharacters.identityFold`), unit.
    var identityKey: String { "\(kind.rawValue)|\(InvisibleCharacters.identityFold(name))|\(unitID)" }
}
