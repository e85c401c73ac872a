import Foundation
import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

/// The compiled templates must render exactly what swift-mustache renders, or refuse the template.
@Suite("Compiled templates render as swift-mustache does")
struct CompiledTemplateTests {
    /// A theme of these templates, and swift-mustache over the same.
    private func theme(_ templates: [String: String]) throws -> (theme: Theme, oracle: MustacheOracle) {
        (try Theme.of(templates), try MustacheOracle(templates))
    }

    /// Values of every kind the page renderers build.
    private static var value: TemplateValue { .object([
        "name": .text("Nguyễn Thị <Minh> & \"Thư\" 'x'"),
        "empty": .text(""),
        "count": .int(3),
        "zero": .int(0),
        "yes": .bool(true),
        "no": .bool(false),
        "site": .object(["title": .text("Gương"), "blank": .text(""), "nested": .object(["deep": .text("sâu")])]),
        "items": .list([["name": .text("một"), "url": .text("/1/")], ["name": .text("hai"), "url": .text("")], ["title": .text("ba")]]),
        "words": .list([TemplateValue.text("a"), .text(""), .text("b")].compactMap { $0 }),
        "none": .list([] as [TemplateValue]),
        "html": .text("<p>an toàn</p>"),
        "rendered": .utf8(bytes: Array("<b>đã dựng</b> & \"x\"".utf8)),
        "kindName": .text("Tập Thể"),
    ]) }

    @Test("Both engines agree", arguments: [
        "plain text\nwith lines\n",
        "{{name}} {{{name}}} {{&name}} {{missing}}|{{empty}}|",
        "{{count}} {{zero}} {{yes}} {{no}}",
        "{{site.title}} {{site.nested.deep}} {{site.blank}} {{site.missing.deep}}",
        "{{#items}}<li>{{name}} {{url}} {{title}} {{count}}</li>\n{{/items}}",
        "{{#items}}\n  <li>{{name}}</li>\n{{/items}}\n",
        "  {{#yes}}\n  shown\n  {{/yes}}\n  {{^no}}\n  also\n  {{/no}}\n",
        "{{#no}}hidden{{/no}}{{^yes}}hidden{{/yes}}{{^none}}none is empty{{/none}}{{#none}}x{{/none}}",
        "{{#empty}}hidden{{/empty}}{{^empty}}empty is absent{{/empty}}",
        "{{#site}}{{title}} {{name}}{{/site}} {{#count}}{{.}}{{/count}}",
        "{{#words}}[{{.}}]{{/words}} {{.name}} {{#site}}{{.name}}|{{.title}}{{/site}}",
        "a {{! a comment }} b\n  {{! standalone }}\nc\n",
        "{{lowercased(kindName)}} {{uppercased(name)}} {{capitalized(site.title)}} {{reversed(kindName)}}",
        "{{#empty(items)}}no{{/empty(items)}}{{count(items)}} {{first(words)}} {{last(words)}} {{plusone(count)}}",
        "{{lowercased(missing)}}{{lowercased(count)}}{{lowercased(yes)}}{{even(count)}}{{odd(count)}}{{equalzero(zero)}}",
        "{{#first(items)}}{{name}}{{/first(items)}}{{count(site)}}",
        "x {{> card}} y\n  {{> card}}\n{{#items}}\n    {{> card}}\n{{/items}}\n",
        "<ul>\n  {{> list}}\n</ul>\n",
        "a { b } {{ name }} {{# yes }}c{{/ yes }}\r\nline\r\n  {{#yes}}\r\n  crlf\r\n  {{/yes}}\r\n",
        "{{#items}}{{#url}}<a href=\"{{url}}\">{{name}}</a>{{/url}}{{^url}}{{name}}{{/url}}{{/items}}",
        "{{> nothing}}|{{.name}}|",
        "{{{rendered}}} {{rendered}} {{#rendered}}[{{.}}]{{/rendered}} {{lowercased(rendered)}}",
    ])
    func agree(template: String) throws {
        let (theme, oracle) = try theme([
            "page": template,
            "card": "<p>{{name}}</p>\n<p>{{count}}</p>\n",
            "list": "{{#items}}\n<li>{{name}}</li>\n{{/items}}\n<li>end</li>\n",
        ])
        let value = Self.value
        #expect(theme.render("page", value) == oracle.render("page", value))
    }

    /// Features only swift-mustache has: refused, at the tag, saying which.
    @Test(arguments: [
        ("{{=<% %>=}}<% name %>", TemplateProblem(reason: .setDelimiters, line: 1, column: 1)),
        ("a\n  {{%CONTENT_TYPE: TEXT}}{{name}}", TemplateProblem(reason: .pragma, line: 2, column: 3)),
        ("{{<parent}}{{$b}}x{{/b}}{{/parent}}", TemplateProblem(reason: .inheritance, line: 1, column: 1)),
        ("{{#items}}\nđ {{#first()}}first{{/first()}}{{/items}}", TemplateProblem(reason: .positionInList("first()"), line: 2, column: 3)),
        ("x{{>*dynamic}}", TemplateProblem(reason: .dynamicPartial, line: 1, column: 2)),
        ("{{#enumerated(site)}}{{key}}{{/enumerated(site)}}", TemplateProblem(reason: .enumerated, line: 1, column: 1)),
        ("ok\n{{#a}}\n{{/b}}", TemplateProblem(reason: .unexpectedClose("b", open: "a"), line: 3, column: 1)),
        ("{{#a}}\nx", TemplateProblem(reason: .unclosedSection("a"), line: 1, column: 1)),
        ("{{/a}}", TemplateProblem(reason: .unexpectedClose("a", open: nil), line: 1, column: 1)),
        ("x {{name", TemplateProblem(reason: .unclosedTag, line: 1, column: 3)),
        ("{{! open comment", TemplateProblem(reason: .unclosedTag, line: 1, column: 1)),
        ("{{name x}}", TemplateProblem(reason: .badTag, line: 1, column: 1)),
        ("{{a(b}}", TemplateProblem(reason: .badName("a(b"), line: 1, column: 1)),
    ])
    func unsupportedTemplatesAreRefused(template: String, problem: TemplateProblem) throws {
        #expect(throws: CompiledTemplates.Refused(template: "page", problem: problem)) {
            try CompiledTemplates.compile(["page": template, "parent": "{{$b}}default{{/b}}"])
        }
    }

    /// A whole list or object, which swift-mustache prints as Swift describes it (a dictionary in an order
    /// that changes from run to run), prints as nothing.
    @Test func printingAnObjectOrAListPrintsNothing() throws {
        for template in ["|{{.}}|", "|{{site}}|", "|{{{words}}}|", "|{{first(items)}}|", "|{{reversed(words)}}|"] {
            #expect(try Theme.of(["page": template]).render("page", Self.value) == "||", "\(template)")
        }
    }

    @Test func transformsOfListsAndObjectsAgree() throws {
        let (theme, oracle) = try theme(["page": "{{#reversed(words)}}{{.}}{{/reversed(words)}}|{{#sorted(site)}}{{key}}={{value}};{{/sorted(site)}}"])
        let value = TemplateValue.object(["words": .list([.string("a"), .string("b")]),
                                          "site": .object(["b": .string("2"), "a": .string("1"), "c": .int(3)])])
        #expect(theme.render("page", value) == "ba|a=1;b=2;c=3;")
        #expect(theme.render("page", value) == oracle.render("page", value))
    }

    @Test func aQuoteFollowedByACombiningMarkIsStillEscaped() throws {
        // One Character to swift-mustache, which would let the quote close an attribute; escaped here.
        let theme = try Theme.of(["page": "<img alt=\"{{name}}\">"])
        let value = TemplateValue.object(["name": .text("x\"\u{0301} onerror=alert(1)")])
        #expect(theme.render("page", value) == "<img alt=\"x&quot;\u{0301} onerror=alert(1)\">")
    }

    @Test func escapingEightBytesAtATimeEscapesEveryByteItShould() {
        // Each special byte at every offset of texts long enough for the eight-byte steps, among bytes one
        // above and below each (the bit trick's near misses), against escaping byte by byte.
        let special: [UInt8: String] = [0x3C: "&lt;", 0x3E: "&gt;", 0x26: "&amp;", 0x22: "&quot;", 0x27: "&#39;"]
        let fillers: [UInt8] = [0x21, 0x23, 0x25, 0x28, 0x3B, 0x3D, 0x3F, 0x41, 0xBC, 0xC3, 0xA6, 0x00, 0xFF]
        for byte in special.keys.sorted() {
            for filler in fillers {
                for length in [1, 7, 8, 9, 16, 23] {
                    for offset in 0..<length {
                        var text = [UInt8](repeating: filler, count: length)
                        text[offset] = byte
                        if length > 2 { text[length - 1] = byte }
                        var buffer = RenderBuffer(capacity: 1)
                        text.withUnsafeBufferPointer { HTMLEscaping.append($0, to: &buffer) }
                        let escaped = buffer.bytes()
                        let expected = text.flatMap { special[$0].map { Array($0.utf8) } ?? [$0] }
                        #expect(escaped == expected, "\(text)")
                    }
                }
            }
        }
        for word: UInt64 in [0, 0x4141_4141_4141_4141, 0x8080_8080_8080_8080, 0xFFFF_FFFF_FFFF_FFFF] {
            #expect(!HTMLEscaping.mayNeedEscaping(word))
        }
    }

    /// A card partial shown on two pages with a memo: the same output as without one, kept only when it
    /// depends on nothing the page decides.
    @Test(arguments: [
        ("<p>{{name}} {{t.more}}{{#fields}} {{name}}{{/fields}}</p>", true),
        ("<p>{{name}} {{title}}</p>", false),  // the page's title: differs by page
        ("<p>{{name}} {{position}}</p>", false),  // missing from the card: a page could have it
        ("<p>{{#isIndividual}}{{position}}{{/isIndividual}}{{name}}</p>", true),
    ])
    func memoizedPartialsRenderAsWithout(card: String, kept: Bool) throws {
        let theme = try Theme.of(["page": "{{title}}:{{#items}}{{> card}}{{/items}}", "card": card])
        let card = TemplateObject(["name": .string("Trường A"), "fields": .list([["name": .text("Văn")]] as [TemplateObject]),
                                   "isIndividual": .bool(false)]).memoized(as: 7)
        let memo = PartialMemo(constantRootNames: ["t"])
        for title in ["Trang 1", "Trang 2"] {
            let page = TemplateValue.object(["title": .text(title), "position": .text("Hiệu trưởng"),
                                             "t": .object(["more": .text("Xem")]), "items": .list([card])])
            var memoized: [UInt8] = []
            theme.compiled.render("page", page, memo: memo, into: &memoized)
            #expect(String(decoding: memoized, as: UTF8.self) == theme.render("page", page))
        }
        #expect(memo.counts == (kept ? 1 : 0, kept ? 0 : 1))
    }

    /// A layout may be rendered around the page's content only where the content is used once, as it is.
    @Test(arguments: [
        ("<main>{{{content}}}</main>", [String: String](), true),
        ("<main>{{&content}}</main>", [:], true),
        ("<main>{{content}}</main>", [:], false),
        ("{{{content}}}{{{content}}}", [:], false),
        ("{{#x}}{{{content}}}{{/x}}", [:], false),
        ("{{^content}}none{{/content}}{{{content}}}", [:], false),
        ("{{.}}{{{content}}}", [:], false),
        ("{{> p}}{{{content}}}", ["p": "x"], false),
        ("{{{content}}}", ["p": "{{content}}"], false),
        ("{{{lowercased(content)}}}", [:], false),
        ("{{{.content}}}", [:], false),
        ("no content at all", [:], false),
    ])
    func contentUsedOnceRaw(layout: String, others: [String: String], expected: Bool) throws {
        let compiled = try CompiledTemplates.compile(others.merging(["layout": layout]) { first, _ in first })
        #expect(compiled.isUsedOnceRaw("content", in: "layout") == expected)
    }

    @Test func theContentMarkerIsFoundOnlyWhenItStandsOnce() {
        let marker = LayoutBase.contentMarker
        #expect(LayoutBase.onlyMarker(in: Array("<a>".utf8) + marker + Array("</a>".utf8)) == 3..<(3 + marker.count))
        #expect(LayoutBase.onlyMarker(in: marker + marker) == nil)
        #expect(LayoutBase.onlyMarker(in: Array("\u{0}x\u{0}".utf8)) == nil)
        #expect(LayoutBase.onlyMarker(in: Array(marker.dropLast())) == nil)
    }
}
