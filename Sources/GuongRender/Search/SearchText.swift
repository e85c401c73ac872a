import Foundation
import GuongKit

/// How search cuts text into words. `theme/assets/search.js` cuts queries the same way; the shared
/// vectors in `Tests/GuongKitTests/Fixtures/folding-vectors.json` keep the two in step. The index cuts
/// profiles with `SearchWordScanner`, whose table is made from `words(_:)` and tested against it.
enum SearchText {
    /// Longer words (pasted links, runs of digits) are left out of the index; no reader types them.
    static let maxWordLength = 40

    /// The words of `text`, lowercased and in NFC: maximal runs of letters, combining marks and digits.
    /// `"Tổ Toán – Tin, 2021–2022"` → `["tổ", "toán", "tin", "2021", "2022"]`.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        let lowered = text.lowercased()
        // Profile text is NFC already; the Foundation pass is for what the shortcut cannot vouch for.
        let normalised = SourceText.isNFCByConstruction(lowered) ? lowered : lowered.precomposedStringWithCanonicalMapping
        for scalar in normalised.unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// Letters, marks and numbers: the script's `/[\p{L}\p{M}\p{N}]/u`.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {  // most of a Vietnamese text; skips the property lookup
            return ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || ("A"..."Z").contains(scalar)
        }
        return switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            true
        default:
            false
        }
    }
}
