// Unsafe code: escapes a string by byte, copying the runs between special bytes whole from its UTF-8 buffer.
/// JSON written by hand into UTF-8 bytes, with strings escaped exactly as Foundation's `JSONEncoder` escapes
/// them (with `.withoutEscapingSlashes`): a file written this way reads like an encoded one, for much less
/// than encoding it costs (`du-lieu/dien-hinh.json` holds every profile; figures in docs/performance.md). The search
/// index quotes its strings with the same function, escaping U+2028 and U+2029 too (`JSONText`).
struct JSONOutput {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Punctuation and literals, as written: `{`, `],"key":`, `null`.
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes += $0 }
    }

    mutating func int(_ number: Int) {
        bytes += String(number).utf8
    }

    /// `"key":`, after a comma unless it is the object's first key.
    mutating func key(_ name: StaticString) {
        if bytes.last != UInt8(ascii: "{") { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        raw(name)
        bytes += "\":".utf8
    }

    /// `"key":"text"`, after a comma unless it is the object's first key.
    mutating func field(_ name: StaticString, _ text: String) {
        key(name)
        string(text)
    }

    /// `text` quoted: `"` and `\` escaped, control characters as `\n`, `\t` … or `\u001b`, the rest as it is.
    mutating func string(_ text: String) {
        Self.appendQuoted(text, to: &bytes)
    }

    /// Appends `text` as a JSON string to `bytes`: `"` and `\` escaped, control characters as `\b`, `\t`,
    /// `\n`, `\f`, `\r` or `\u001b`, and — with `escapingLineSeparators`, for the search index, which older
    /// JavaScript reads — U+2028 and U+2029 as `\u2028` and `\u2029`; the runs between copied whole. By bytes:
    /// every escaped character is ASCII, and no byte of a multibyte scalar is, but for U+2028/2029's E2 80 A8/A9.
    static func appendQuoted(_ text: String, to bytes: inout [UInt8], escapingLineSeparators: Bool = false) {
        var text = text
        bytes.append(UInt8(ascii: "\""))
        text.withUTF8 { utf8 in
            var start = 0
            var index = 0
            while index < utf8.count {
                // Most text has nothing to escape: eight bytes at a time while that holds.
                if index + 8 <= utf8.count,
                   !mayNeedEscaping(UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self),
                                    separators: escapingLineSeparators) {
                    index += 8
                    continue
                }
                let byte = utf8[index]
                let separator = escapingLineSeparators && byte == 0xE2 && index + 2 < utf8.count && utf8[index + 1] == 0x80
                    && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9)
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || separator else {
                    index += 1
                    continue
                }
                bytes += UnsafeBufferPointer(rebasing: utf8[start..<index])
                switch byte {
                case _ where separator: bytes += (utf8[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8
                case UInt8(ascii: "\""): bytes += #"\""#.utf8
                case UInt8(ascii: "\\"): bytes += #"\\"#.utf8
                case 0x08: bytes += #"\b"#.utf8
                case 0x09: bytes += #"\t"#.utf8
                case 0x0A: bytes += #"\n"#.utf8
                case 0x0C: bytes += #"\f"#.utf8
                case 0x0D: bytes += #"\r"#.utf8
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes += #"\u00"#.utf8
                    bytes += [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
                }
                index += separator ? 3 : 1
                start = index
            }
            bytes += UnsafeBufferPointer(rebasing: utf8[start...])
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether a byte of `word` may be one `appendQuoted` escapes (below 0x20, `"`, `\\`, or with `separators`
    /// the 0xE2 that starts U+2028 and U+2029): never false when one is (`ByteWord`), so a false answer lets
    /// all eight through as they are.
    static func mayNeedEscaping(_ word: UInt64, separators: Bool) -> Bool {
        var found = ByteWord.hasByte(below: 0x20, in: word) | ByteWord.has(0x22, in: word) | ByteWord.has(0x5C, in: word)
        if separators { found |= ByteWord.has(0xE2, in: word) }
        return found != 0
    }

    /// `[a,b,…]`, each element written by `element`.
    mutating func array<Element>(_ elements: some Sequence<Element>, _ element: (inout JSONOutput, Element) -> Void) {
        raw("[")
        var first = true
        for item in elements {
            if !first { raw(",") }
            first = false
            element(&self, item)
        }
        raw("]")
    }
}
