// Unsafe code: the fold reads a text's UTF-8 in place, a scalar's bytes at a time.
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
    /// without Foundation's decomposition of the whole string (the bulk of a check's time). Works on the
    /// UTF-8 bytes: appending scalars to a String one by one was most of a fold's time.
    static func foldedByTable(_ text: String) -> String? {
        return text.withUTF8Bytes { bytes -> String? in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    result.append((0x41...0x5A).contains(lead) ? lead + 0x20 : lead)
                    index += 1
                    continue
                }
                // A String's bytes are valid UTF-8: the lead byte says how many continuation bytes follow.
                let entry: Int
                if lead < 0xE0 {
                    entry = Int(lead & 0x1F) << 6 | Int(bytes[index + 1] & 0x3F)  // below U+0800
                    guard entry < 0x300 else { return nil }
                    index += 2
                } else if lead < 0xF0 {
                    let value = Int(lead & 0x0F) << 12 | Int(bytes[index + 1] & 0x3F) << 6 | Int(bytes[index + 2] & 0x3F)
                    guard (0x1E00..<0x1F00).contains(value) else { return nil }
                    entry = value - 0x1E00 + 0x300
                    index += 3
                } else {
                    return nil
                }
                result += foldTable[entry]
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// `foldedByDecomposing` of each scalar in U+0000–U+02FF, then of each in U+1E00–U+1EFF, as UTF-8.
    private static let foldTable: [[UInt8]] = (Array(0..<0x300) + Array(0x1E00..<0x1F00)).map { value in
        Array(foldedByDecomposing(String(Unicode.Scalar(UInt32(value))!)).utf8)
    }

    /// `"Nguyễn Văn Hiệp"` → `"nguyen-van-hiep"`: ASCII letters and digits joined by single hyphens.
    public static func slug(_ text: String) -> String {
        var result: [UInt8] = []
        var pendingHyphen = false
        // By UTF-8 byte: an ASCII letter or digit is one byte, and every byte of any other scalar is ≥ 0x80.
        for byte in fold(text).utf8 {
            switch byte {
            case 0x61...0x7A, 0x41...0x5A, 0x30...0x39:
                if pendingHyphen, !result.isEmpty { result.append(0x2D) }
                pendingHyphen = false
                result.append(byte)
            default:
                pendingHyphen = true
            }
        }
        return String(decoding: result, as: UTF8.self)
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
