import Testing
@testable import GuongRender

/// `CharacterPrefix` gives what grapheme breaking gives, on the texts it takes a shortcut for and on the rest.
@Suite("Character prefixes by scalar")
struct CharacterPrefixTests {
    static let pieces = ["a", "Đ", "ệ", "e\u{301}", "\u{301}", " ", "\r\n", "\r", "\n", "\t", "—", "“", "…", "👍🏽", "👨‍👩‍👧",
                         "🇻🇳", "\u{AD}", "©", "\u{200D}", "\u{0E33}", "각", "ᄀ", "ᅡ", "x\u{20E3}", "ʰ"]

    @Test func agreesWithGraphemeBreaking() {
        var generator = SystemRandomNumberGenerator()
        var texts = ["", "abc", String(repeating: "Nguyễn Thị Ánh ", count: 30), String(repeating: "e\u{301}", count: 40)]
        for _ in 0..<3_000 {
            let length = Int.random(in: 0..<40, using: &generator)
            // Mostly letters a shortcut takes, with now and then something it must not.
            texts.append((0..<length).map { _ in
                Bool.random(using: &generator) ? "ă" : Self.pieces.randomElement(using: &generator)!
            }.joined())
        }
        for text in texts {
            for count in [0, 1, 2, 5, 10, 20, 39] {
                #expect(CharacterPrefix.end(of: text, count: count) == text.index(text.startIndex, offsetBy: count, limitedBy: text.endIndex),
                        "\(text.unicodeScalars.map { String($0.value, radix: 16) }) \(count)")
                #expect(CharacterPrefix.prefix(of: text, count: count) == String(text.prefix(count)))
            }
        }
    }

    @Test func vietnameseTextTakesTheShortcut() {
        for scalar in "Đặng Văn Nguyễn — “Ưu tú”, ổn…\n\tỹ".unicodeScalars {
            #expect(CharacterPrefix.breaksAround(scalar), "\(scalar)")
        }
        for scalar in "\u{301}\u{200D}\r\u{1100}\u{1F1FB}".unicodeScalars {
            #expect(!CharacterPrefix.breaksAround(scalar), "\(scalar.value)")
        }
    }
}
