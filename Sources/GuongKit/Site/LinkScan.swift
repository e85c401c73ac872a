// Unsafe code: finds each `=` of a block's HTML over its buffer (`ByteSearch`).
/// Finds the addresses in a block's HTML, as cmark writes it (`href="…"`, `src="…"`).
enum LinkScan {
    private static let attributes = [Array("href=\"".utf8), Array("src=\"".utf8)]
    private static let absolute = ["http://", "https://", "mailto:", "tel:"].map { Array($0.utf8) }

    /// Whether every address in `html` starts with a scheme that never names a file of the site.
    static func onlyAbsoluteLinks(_ html: [UInt8]) -> Bool {
        var index = 0
        while let equals = nextEquals(in: html, from: index) {
            index = equals + 1
            guard html.index(after: equals) < html.endIndex, html[equals + 1] == UInt8(ascii: "\"") else { continue }
            let isAddress = attributes.contains { name in
                equals + 2 >= name.count && html[(equals + 2 - name.count)..<(equals + 2)].elementsEqual(name)
            }
            guard isAddress else { continue }
            let value = html[(equals + 2)...]
            let lowered = value.prefix(8).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
            guard absolute.contains(where: { lowered.starts(with: $0) }) else { return false }
        }
        return true
    }

    /// The index of the next `=` at or after `start` (`memchr`: most block HTML has none, and a generic
    /// search took ten times as long).
    private static func nextEquals(in html: [UInt8], from start: Int) -> Int? {
        html.withUnsafeBufferPointer { $0.index(ofByte: UInt8(ascii: "="), from: start) }
    }
}
