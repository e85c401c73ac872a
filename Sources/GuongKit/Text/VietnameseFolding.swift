import Foundation

/// The one definition of how Vietnamese text is folded to plain ASCII-ish lowercase:
/// decompose, drop combining marks, đ → d, lowercase. Slugs, key aliases, suggestions and
/// the search index all use it; `theme/assets/search.js` mirrors it (tested with shared vectors).
public enum VietnameseFolding {
    /// `"Đông Thạnh"` → `"dong thanh"`.
    public static func fold(_ text: String) -> String {
        foldedByTable(text) ?? foldedByDecomposing(text)
    }

    /// The definition: decompose, drop the marks, fold đ, lowercase.
    static func foldedByDecomposing(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue  // combining diacritical marks
            case 0x0110, 0x0111: scalars.append("d")  // Đ đ do not decompose
            default: scalars.append(scalar)
            }
        }
        return String(scalars).lowercased()
    }

    /// The same fold, scalar by scalar from a table, for text made only of scalars below U+0300 and
    /// Vietnamese letters (U+1E00–U+1EFF); nil for anything else. Each such scalar decomposes to a base
    /// letter and marks in U+0300–U+036F only, so folding it alone and joining the results is the same fold,
    /// without Foundation's decomposition of the whole string (the bulk of a check's time).
    static func foldedByTable(_ text: String) -> String? {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A: result.unicodeScalars.append(Unicode.Scalar(scalar.value + 0x20)!)
            case 0..<0x80: result.unicodeScalars.append(scalar)
            case 0x80..<0x300: result += foldTable[Int(scalar.value)]
            case 0x1E00..<0x1F00: result += foldTable[Int(scalar.value) - 0x1E00 + 0x300]
            default: return nil
            }
        }
        return result
    }

    /// `foldedByDecomposing` of each scalar in U+0000–U+02FF, then of each in U+1E00–U+1EFF.
    private static let foldTable: [String] = (Array(0..<0x300) + Array(0x1E00..<0x1F00)).map { value in
        foldedByDecomposing(String(Unicode.Scalar(UInt32(value))!))
    }

    /// `"Nguyễn Văn Hiệp"` → `"nguyen-van-hiep"`: ASCII letters and digits joined by single hyphens.
    public static func slug(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in fold(text).unicodeScalars {
            // ASCII letters by range: the property lookup was most of the time of a slug.
            if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return result
    }

    /// A folded form for matching names typed loosely: `"Lĩnh_vực"` and `"linh  vuc"` → `"linh vuc"`.
    public static func key(_ text: String) -> String {
        // Folded by the table, the text has no combining marks, so its separators are single bytes.
        if let folded = foldedByTable(text) { return joinedWords(folded) }
        return fold(text)
            .split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" || $0 == "\t" })
            .joined(separator: " ")
    }

    /// Words separated by runs of space, `_`, `-` and tab, joined by single spaces.
    private static func joinedWords(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            switch byte {
            case 0x20, 0x5F, 0x2D, 0x09:
                pendingSpace = !bytes.isEmpty
            default:
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
