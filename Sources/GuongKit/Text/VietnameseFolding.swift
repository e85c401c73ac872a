import Foundation

/// The one definition of how Vietnamese text is folded to plain ASCII-ish lowercase:
/// decompose, drop combining marks, đ → d, lowercase. Slugs, key aliases, suggestions and
/// the search index all use it; `theme/assets/search.js` mirrors it (tested with shared vectors).
public enum VietnameseFolding {
    /// `"Đông Thạnh"` → `"dong thanh"`.
    public static func fold(_ text: String) -> String {
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

    /// `"Nguyễn Văn Hiệp"` → `"nguyen-van-hiep"`: ASCII letters and digits joined by single hyphens.
    public static func slug(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in fold(text).unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
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
        fold(text)
            .split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" || $0 == "\t" })
            .joined(separator: " ")
    }
}
