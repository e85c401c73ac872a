extension PageShell {
    /// How many Characters of a page's description its meta tags carry.
    static let descriptionLimit = 300

    /// `description` cut to `descriptionLimit` Characters, counted by scalar where that is exact (`CharacterPrefix`).
    static func clipped(_ description: String) -> String {
        CharacterPrefix.prefix(of: description, count: descriptionLimit)
    }

    /// `text` percent-encoded for a share link's query: RFC 3986's unreserved characters, `/` and `:` as they
    /// are (a query may hold those two as they are, and a URL is mostly made of them), every other UTF-8 byte
    /// as `%XX` — Foundation's `addingPercentEncoding(withAllowedCharacters:)` with that set (the test holds
    /// them equal), without bridging to `NSString` on every page.
    static func queryEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"), UInt8(ascii: ":"):
                bytes.append(byte)
            default:
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
