/// An independent reading of generated HTML, as a browser would see it, for what must never reach a page:
/// script, frames, plug-ins, styles, event-handler attributes, and links or sources with a scheme other
/// than http(s), mailto or tel. Used by the hostile-input tests and the fuzz targets alike.
public enum HTMLAudit {
    static let forbiddenTags: Set<String> = [
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "svg", "math", "base",
        "template", "noembed", "xmp", "plaintext", "portal",
    ]
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "poster", "srcset", "xlink:href", "background"]

    /// The first thing wrong with `html`, or nil. `allowedScripts` are `src` values of our own script tags.
    public static func problem(in html: String, allowedScripts: Set<String> = []) -> String? {
        let bytes = Array(html.utf8)
        var index = 0
        func at(_ offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }
        func skip(past pattern: String) {
            let p = Array(pattern.utf8)
            while index + p.count <= bytes.count, !bytes[index..<index + p.count].elementsEqual(p) { index += 1 }
            index = min(bytes.count, index + p.count)
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            if html.utf8.dropFirst(index).starts(with: "<!--".utf8) { skip(past: "-->"); continue }
            if at(index + 1) == UInt8(ascii: "!") || at(index + 1) == UInt8(ascii: "/") || at(index + 1) == UInt8(ascii: "?") {
                skip(past: ">"); continue
            }
            guard let next = at(index + 1), isLetter(next) else { index += 1; continue }  // a bare `<` is text
            index += 1
            let name = readName(bytes, &index).lowercased()
            var attributes: [(String, String)] = []
            while index < bytes.count {
                while let b = at(index), isSpace(b) || b == UInt8(ascii: "/") { index += 1 }
                guard let b = at(index), b != UInt8(ascii: ">") else { index += 1; break }
                let attribute = readName(bytes, &index).lowercased()
                if attribute.isEmpty { index += 1; continue }
                while let b = at(index), isSpace(b) { index += 1 }
                var value = ""
                if at(index) == UInt8(ascii: "=") {
                    index += 1
                    while let b = at(index), isSpace(b) { index += 1 }
                    if let quote = at(index), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                        let start = index + 1
                        index = start
                        while let b = at(index), b != quote { index += 1 }
                        value = String(decoding: bytes[start..<min(index, bytes.count)], as: UTF8.self)
                        index += 1
                    } else {
                        let start = index
                        while let b = at(index), !isSpace(b), b != UInt8(ascii: ">") { index += 1 }
                        value = String(decoding: bytes[start..<index], as: UTF8.self)
                    }
                }
                attributes.append((attribute, decodeEntities(value)))
            }
            if name == "script" {
                guard let src = attributes.first(where: { $0.0 == "src" })?.1, allowedScripts.contains(src) else {
                    return "a <script> tag"
                }
            } else if forbiddenTags.contains(name) {
                return "a <\(name)> tag"
            }
            for (attribute, value) in attributes {
                if attribute.hasPrefix("on") { return "an event handler \(attribute)= on <\(name)>" }
                if attribute == "style" { return "a style attribute on <\(name)>" }
                if attribute == "http-equiv", value.lowercased().contains("refresh") { return "a meta refresh" }
                if urlAttributes.contains(attribute), let scheme = unsafeScheme(value) {
                    return "\(attribute)=\"\(value.prefix(60))\" (\(scheme)) on <\(name)>"
                }
            }
        }
        return nil
    }

    /// The scheme of `url` if it is not http(s), mailto or tel, reading it as a browser does.
    public static func unsafeScheme(_ url: String) -> String? {
        let compact = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
        // A scheme starts with a letter; anything else (`+javascript:`) makes a relative URL.
        guard let first = compact.unicodeScalars.first, ("a"..."z").contains(first) else { return nil }
        var scheme = ""
        for scalar in compact.unicodeScalars {
            if scalar == ":" {
                return ["http", "https", "mailto", "tel"].contains(scheme) ? nil : scheme
            }
            guard ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || "+-.".unicodeScalars.contains(scalar) else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(12).firstIndex(of: ";") {
                let entity = after[..<semi]
                var decoded: String?
                switch entity {
                case "amp": decoded = "&"
                case "lt": decoded = "<"
                case "gt": decoded = ">"
                case "quot": decoded = "\""
                case "apos", "#39": decoded = "'"
                case "Tab": decoded = "\t"
                case "NewLine": decoded = "\n"
                case "colon": decoded = ":"
                default:
                    if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let v = UInt32(entity.dropFirst(2), radix: 16) {
                        decoded = Unicode.Scalar(v).map { String($0) } ?? ""
                    } else if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()) {
                        decoded = Unicode.Scalar(v).map { String($0) } ?? ""
                    }
                }
                if let decoded {
                    result += decoded
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            result += "&"
            rest = after
        }
        return result + rest
    }

    static func readName(_ bytes: [UInt8], _ index: inout Int) -> String {
        let start = index
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/"),
              bytes[index] != UInt8(ascii: "=") || index == start {
            index += 1
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
    static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
}
