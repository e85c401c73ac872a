import Foundation

/// What a photo file holds, checked before it is copied to the site: its bytes must be the picture its
/// extension says, and an SVG must be a plain drawing (its URL can be opened on its own, where a script in it would run).
enum PhotoContent {
    enum Problem: Equatable {
        /// The bytes are not a picture of this type (`JPEG`, `PNG` …).
        case notA(type: String)
        /// An SVG holds something active; the text says what, in Vietnamese.
        case unsafe(String)
    }

    /// Checks `bytes` against the file's extension.
    static func check(_ bytes: [UInt8], extension ext: String) -> Problem? {
        switch ext {
        case "jpg", "jpeg": return bytes.starts(with: [0xFF, 0xD8, 0xFF]) ? nil : .notA(type: "JPEG")
        case "png": return bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? nil : .notA(type: "PNG")
        case "gif": return bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) ? nil : .notA(type: "GIF")
        case "webp":
            return bytes.count >= 12 && bytes.starts(with: Array("RIFF".utf8)) && Array(bytes[8..<12]) == Array("WEBP".utf8)
                ? nil : .notA(type: "WebP")
        case "heic", "heif": return PhotoFormat.raster(magic: bytes) == .heif ? nil : .notA(type: "HEIC")
        case "svg":
            if let problem = SVGAudit.encodingProblem(bytes) { return problem }
            guard let text = String(validating: bytes, as: UTF8.self) else { return .notA(type: "SVG") }
            return SVGAudit(text).problem
        default: return .notA(type: ext)
        }
    }
}
