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
}
