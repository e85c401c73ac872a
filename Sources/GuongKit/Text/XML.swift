/// Text written into XML (the feed, the sitemap, Word's document parts, the plan report).
package enum XML {
    /// The five special characters escaped; characters XML 1.0 forbids are dropped rather than written.
    /// Read as UTF-8 bytes: text with nothing to escape or drop (every URL of the sitemap) is returned as it is.
    package static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsCare) else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: "&"): result += "&amp;".utf8
            case UInt8(ascii: "<"): result += "&lt;".utf8
            case UInt8(ascii: ">"): result += "&gt;".utf8
            case UInt8(ascii: "\""): result += "&quot;".utf8
            case UInt8(ascii: "'"): result += "&apos;".utf8
            case 0x09, 0x0A, 0x0D: result.append(byte)
            case ..<0x20: continue
            case 0xEF:
                // A Swift string is valid UTF-8, so two continuation bytes follow. U+FFFE and U+FFFF
                // (EF BF BE, EF BF BF) are dropped; any other scalar from EF is kept.
                let (second, third) = (bytes.next() ?? 0, bytes.next() ?? 0)
                if second == 0xBF, third == 0xBE || third == 0xBF { continue }
                result += [byte, second, third]
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether a UTF-8 byte may start something `escape` changes: a special character, a C0 control other than
    /// tab and line ends, or the lead byte of U+FFFE and U+FFFF.
    private static func needsCare(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xEF: true
        case 0x09, 0x0A, 0x0D: false
        default: byte < 0x20
        }
    }
}
