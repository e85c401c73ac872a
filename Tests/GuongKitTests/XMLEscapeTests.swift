import Testing
@testable import GuongKit

/// The one XML/HTML escape, used by the feed, the sitemap, the .docx and the office's HTML report.
@Suite("XML escape")
struct XMLEscapeTests {
    @Test("escapes scalar by scalar: a quote with a combining mark is still escaped")
    func combiningMarks() {
        #expect(XML.escape("\"\u{301}<\u{301}>&'") == "&quot;\u{301}&lt;\u{301}&gt;&amp;&apos;")
    }

    @Test("drops characters XML 1.0 cannot hold and keeps tab and line ends")
    func forbidden() {
        #expect(XML.escape("a\u{0}b\u{1B}c\u{FFFE}d\te\nf") == "abcd\te\nf")
    }

    @Test("equals the scalar-by-scalar definition on random text, Vietnamese and U+E000–U+FFFF included")
    func matchesDefinition() {
        var generator = SystemRandomNumberGenerator()
        let pool: [Unicode.Scalar] = ["a", "&", "<", ">", "\"", "'", "\u{0}", "\u{9}", "\u{A}", "\u{D}", "\u{1F}", "đ", "ạ",
                                      "\u{301}", "\u{E000}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{FEFF}", "\u{F000}", "😀"]
        for _ in 0..<2_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &generator) { text.append(pool.randomElement(using: &generator)!) }
            #expect(XML.escape(String(text)) == Self.definition(String(text)))
        }
    }

    /// What `escape` means, written plainly.
    private static func definition(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
