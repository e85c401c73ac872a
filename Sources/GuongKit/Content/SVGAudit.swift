import Foundation

/// An allow-list reading of an SVG: drawing elements and their attributes only. No script, no event
/// handlers, no `<foreignObject>`, animation or links, no `href` but `#…`, no `url(…)` but `url(#…)`,
/// no DOCTYPE, entities or CDATA, no element from another namespace, CSS only as `SVGStyle` allows.
/// The file is judged as a browser decodes it: UTF-8, or refused (`encodingProblem`).
struct SVGAudit {
    private(set) var problem: PhotoContent.Problem?
    private(set) var sawSVG = false

    static let elements: Set<String> = [
        "svg", "g", "defs", "title", "desc", "metadata", "symbol", "use", "path", "rect", "circle", "ellipse", "line",
        "polyline", "polygon", "text", "tspan", "textPath", "linearGradient", "radialGradient", "stop", "clipPath", "mask",
        "pattern", "marker", "filter", "feGaussianBlur", "feOffset", "feBlend", "feColorMatrix", "feFlood", "feComposite",
        "feMerge", "feMergeNode", "feDropShadow", "feMorphology",
    ]
    static let namespaces: Set<String> = ["http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"]

    init(_ text: String) {
        var scanner = Scanner(Array(text.utf8))
        _ = scanner.consume("\u{FEFF}")
        // The declaration only at the very start, where a browser reads it; its encoding was checked on the bytes.
        if scanner.consume("<?xml ") || scanner.consume("<?xml?"), !scanner.skip(past: "?>") { problem = .notA(type: "SVG") }
        while problem == nil, scanner.skip(to: UInt8(ascii: "<")) {
            problem = tag(&scanner)
        }
        if problem == nil, !sawSVG { problem = .notA(type: "SVG") }
    }

    private mutating func tag(_ scanner: inout Scanner) -> PhotoContent.Problem? {
        if scanner.consume("<!--") { return scanner.skip(past: "-->") ? nil : .unsafe("chú thích không đóng") }
        if scanner.consume("<!") || scanner.consume("<?") { return .unsafe("khai báo DOCTYPE, ENTITY hoặc CDATA") }
        if scanner.consume("</") { return scanner.skip(past: ">") ? nil : .notA(type: "SVG") }
        scanner.advance()  // <
        let name = scanner.name()
        guard Self.elements.contains(name) else {
            return .unsafe(name.lowercased() == "script" ? "thẻ <script>" : "thẻ <\(name.prefix(40))>")
        }
        if name == "svg" { sawSVG = true }
        while true {
            scanner.skipSpaces()
            if scanner.consume("/>") || scanner.consume(">") { return nil }
            let attribute = scanner.name()
            guard !attribute.isEmpty else { return .notA(type: "SVG") }
            scanner.skipSpaces()
            guard scanner.consume("=") else { return .notA(type: "SVG") }
            scanner.skipSpaces()
            guard let value = scanner.quoted() else { return .notA(type: "SVG") }
            if let problem = Self.check(attribute: attribute, value: value) { return problem }
        }
    }

    static func check(attribute: String, value: String) -> PhotoContent.Problem? {
        let lower = attribute.lowercased()
        if lower.hasPrefix("on") { return .unsafe("thuộc tính sự kiện \(attribute.prefix(40))=") }
        // Only the five named entities: a numeric one could spell `javascript:` past the checks below.
        var rest = value[...]
        while let amp = rest.firstIndex(of: "&") {
            let after = rest[amp...]
            guard ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].contains(where: { after.hasPrefix($0) }) else {
                return .unsafe("mã ký tự (&#…;) trong thuộc tính")
            }
            rest = rest[rest.index(after: amp)...]
        }
        if lower == "xmlns" || lower.hasPrefix("xmlns:") {
            return namespaces.contains(value) ? nil : .unsafe("không gian tên lạ (\(value.prefix(60)))")
        }
        if lower.contains(":"), !lower.hasPrefix("xlink:"), !lower.hasPrefix("xml:") {
            return .unsafe("thuộc tính lạ \(attribute.prefix(40))")
        }
        if lower == "href" || lower == "xlink:href" || lower == "src" {
            return value.trimmingWhitespace().hasPrefix("#") ? nil : .unsafe("liên kết \(attribute)=\"\(value.prefix(60))\"")
        }
        // Presentation attributes (`fill`, `filter` …) are CSS to a browser, as `style` is.
        if let problem = lower == "style" ? SVGStyle.problem(inStyle: value) : SVGStyle.problem(inValue: value) {
            return .unsafe(problem)
        }
        let compact = value.lowercased().filter { !$0.isWhitespace }
        if compact.contains("javascript:") || compact.contains("@import") || compact.contains("expression(") {
            return .unsafe("mã lệnh trong thuộc tính \(attribute.prefix(40))")
        }
        return nil
    }

    /// A cursor over the SVG's bytes.
    struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        mutating func advance() { index += 1 }

        /// Moves to the next `byte`; false at the end.
        mutating func skip(to byte: UInt8) -> Bool {
            while index < bytes.count, bytes[index] != byte { index += 1 }
            return index < bytes.count
        }

        mutating func skip(past text: String) -> Bool {
            let pattern = Array(text.utf8)
            while index + pattern.count <= bytes.count {
                if bytes[index..<index + pattern.count].elementsEqual(pattern) {
                    index += pattern.count
                    return true
                }
                index += 1
            }
            index = bytes.count
            return false
        }

        mutating func consume(_ text: String) -> Bool {
            let pattern = Array(text.utf8)
            guard index + pattern.count <= bytes.count, bytes[index..<index + pattern.count].elementsEqual(pattern) else { return false }
            index += pattern.count
            return true
        }

        mutating func skipSpaces() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        /// An XML name: letters, digits and `_ : . -`, plus any non-ASCII byte.
        mutating func name() -> String {
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                let isName = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
                    || byte == UInt8(ascii: "-") || byte >= 0x80
                guard isName else { break }
                index += 1
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        /// A value in single or double quotes, without them.
        mutating func quoted() -> String? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else { return nil }
            let quote = bytes[index]
            let start = index + 1
            index = start
            guard skip(to: quote) else { return nil }
            defer { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
    }
}
