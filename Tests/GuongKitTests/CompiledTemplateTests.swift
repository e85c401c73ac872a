import Foundation
import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

/// The compiled templates must render exactly what swift-mustache renders, or not be used at all.
@Suite("Compiled templates render as swift-mustache does")
struct CompiledTemplateTests {
    /// A theme of these templates, with both engines.
    private func theme(_ templates: [String: String]) throws -> Theme {
        var theme = Theme(library: .init(), strings: [:], assets: [:])
        for (name, text) in templates { try theme.library.register(text, named: name) }
        theme.compiled = CompiledTemplates.compile(templates)
        return theme
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
        let theme = try theme([
            "page": template,
            "card": "<p>{{name}}</p>\n<p>{{count}}</p>\n",
            "list": "{{#items}}\n<li>{{name}}</li>\n{{/items}}\n<li>end</li>\n",
        ])
        #expect(theme.compiled != nil)
        let value = Self.value
        var compiled: [UInt8] = []
        try theme.compiled?.render("page", value, into: &compiled)
        #expect(String(decoding: compiled, as: UTF8.self) == theme.renderBySwiftMustache("page", value))
    }

    @Test func templatesWithWhatOnlySwiftMustacheHasAreLeftToIt() throws {
        for template in ["{{=<% %>=}}<% name %>", "{{%CONTENT_TYPE: TEXT}}{{name}}", "{{<parent}}{{$b}}x{{/b}}{{/parent}}",
                         "{{#items}}{{#first()}}first{{/first()}}{{/items}}", "{{>*dynamic}}"] {
            let theme = try theme(["page": template, "parent": "{{$b}}default{{/b}}"])
            #expect(theme.compiled == nil, "\(template)")
            let value = Self.value
            #expect(theme.render("page", value) == theme.renderBySwiftMustache("page", value))
        }
    }

    /// Swift's description of a collection: only swift-mustache prints it (for a dictionary, in an order that
    /// differs from one copy to the next, so only the list's text can be compared).
    @Test func printingAnObjectOrAListFallsBackForThatPage() throws {
        for template in ["|{{.}}|", "{{site}}", "{{{words}}}"] {
            let theme = try theme(["page": template])
            var compiled: [UInt8] = []
            #expect(throws: CompiledTemplates.Fallback.self) { try theme.compiled?.render("page", Self.value, into: &compiled) }
        }
        #expect(try theme(["page": "{{{words}}}"]).render("page", Self.value) == #"["a", "b"]"#)
    }

    @Test func aTransformOnlySwiftMustacheKnowsForTheValueFallsBackForThatPage() throws {
        let theme = try theme(["page": "{{#reversed(words)}}{{.}}{{/reversed(words)}}"])
        let value = Self.value
        var compiled: [UInt8] = []
        #expect(throws: CompiledTemplates.Fallback.self) { try theme.compiled?.render("page", value, into: &compiled) }
        #expect(theme.render("page", value) == "ba")
    }

    @Test func theDefaultThemeIsCompiled() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("guong-compiled-\(UUID().uuidString)")
        #expect(try Theme.load(siteRoot: site).compiled != nil)
    }

    @Test func aQuoteFollowedByACombiningMarkIsStillEscaped() throws {
        // One Character to swift-mustache, which would let the quote close an attribute; escaped here.
        let theme = try theme(["page": "<img alt=\"{{name}}\">"])
        let value = TemplateValue.object(["name": .text("x\"\u{0301} onerror=alert(1)")])
        #expect(theme.render("page", value) == "<img alt=\"x&quot;\u{0301} onerror=alert(1)\">")
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
        let theme = try theme(["page": "{{title}}:{{#items}}{{> card}}{{/items}}", "card": card])
        let card = TemplateObject(["name": .string("Trường A"), "fields": .list([["name": .text("Văn")]] as [TemplateObject]),
                                   "isIndividual": .bool(false)]).memoized(as: 7)
        let memo = PartialMemo(constantRootNames: ["t"])
        for title in ["Trang 1", "Trang 2"] {
            let page = TemplateValue.object(["title": .text(title), "position": .text("Hiệu trưởng"),
                                             "t": .object(["more": .text("Xem")]), "items": .list([card])])
            var memoized: [UInt8] = []
            try theme.compiled?.render("page", page, memo: memo, into: &memoized)
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
        let compiled = try #require(CompiledTemplates.compile(others.merging(["layout": layout]) { first, _ in first }))
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
