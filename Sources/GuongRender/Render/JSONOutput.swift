// Unsafe code: escapes a string by byte, copying the runs between special bytes whole from its UTF-8 buffer.
/// JSON written by hand into UTF-8 bytes, with strings escaped exactly as Foundation's `JSONEncoder` escapes
/// them (with `.withoutEscapingSlashes`): a file written this way reads like an encoded one, for much less
/// than encoding it costs (`du-lieu/dien-hinh.json` holds every profile; figures in docs/performance.md). The search index has its own
/// quoting (`JSONText`), on purpose: it also escapes U+2028 and U+2029 for older JavaScript, and both
/// files must stay byte for byte what their readers already have.
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
        var text = text
        bytes.append(UInt8(ascii: "\""))
        text.withUTF8 { utf8 in
            var start = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes += UnsafeBufferPointer(rebasing: utf8[start..<index])
                start = index + 1
                switch byte {
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
            }
            bytes += UnsafeBufferPointer(rebasing: utf8[start...])
        }
        bytes.append(UInt8(ascii: "\""))
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
