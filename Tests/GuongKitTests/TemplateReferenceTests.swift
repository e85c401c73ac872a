import Foundation
import Testing
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport

/// `docs/templates.md`, the variables each template receives, made by rendering the sample site through the
/// real renderer: a test fails while the file differs from what rendering gives, and
/// `GUONG_RECORD=1 swift test --filter TemplateReference` rewrites it (then review the diff).
@Suite("Template reference")
struct TemplateReferenceTests {
    /// The sample site rendered as `guong build` renders it, and as `guong serve --drafts` does (drafts, the live
    /// script), there with every optional setting given (the sample site has no logo) and pages of two cards,
    /// so that listings have gaps in their pagination.
    static let reference: Result<TemplateReference, Error> = Result {
        let root = Fixtures.packageRoot
        let content = try SiteLoader(root: root).load()
        let theme = try Theme.load(siteRoot: root)
        let recorder = TemplateRecorder()
        for preview in [false, true] {
            var config = try #require(content.config)
            if preview {
                config.identity.logo = "logo.png"
                config.pageSize = 2
            }
            let model = SiteModel(config: config, schema: try #require(content.schema), units: content.units,
                                  pages: content.pages, profiles: content.profiles, includeDrafts: preview)
            try recorder.record(model: model, theme: theme, extraBodyHTML: preview ? "<script src=\"/__guong/live.js\"></script>" : "")
        }
        return TemplateReference(theme: theme, recorded: recorder.recorded)
    }

    @Test("every variable a template receives is described, and every description names one")
    func everyVariableIsDescribed() throws {
        let reference = try Self.reference.get()
        #expect(reference.problems.isEmpty, "\(reference.problems.joined(separator: "\n"))")
    }

    @Test("docs/templates.md is the reference the code gives")
    func docsMatch() throws {
        let reference = try Self.reference.get()
        try GeneratedDocsTests.check(Fixtures.packageRoot.appendingPathComponent("docs/templates.md"),
                                     block: "template-variables", generated: reference.markdown)
    }
}

extension TemplateReferenceTests {
    /// The shape of a value, and how shapes merge.
    @Test func shapesMergeAndName() {
        var shape = TemplateShape(.object(["name": .string("An"), "years": .list([.int(2022)]),
                                           "photo": .object(["url": .string("a.jpg")])]))
        shape.merge(TemplateShape(.object(["name": .utf8(Array("<b>".utf8)), "years": .list([] as [TemplateValue])])))
        #expect(shape.members["name"]?.typeName == "text or HTML")
        #expect(shape.members["years"]?.typeName == "list of numbers")
        #expect(shape.paths.keys.sorted() == ["name", "photo", "photo.url", "years"])
        let common = shape.common(with: TemplateShape(.object(["name": .string("B"), "other": .bool(true)])))
        #expect(common.members.keys.sorted() == ["name"])
    }

    /// A partial's values, where it is rendered from, a variable without a line and a line for nothing.
    @Test func aSmallThemesReference() throws {
        let theme = try Theme.of(["page": "{{#items}}{{> item}}{{/items}}{{^none}}{{> item}}{{/none}}", "item": "{{name}}"])
        let root = TemplateShape(.object(["items": .list([.object(["name": .string("An"), "url": .string("/a/")])]),
                                          "name": .string("page")]))
        let descriptions: [String: TemplateVariables] = [
            "page": TemplateVariables("A page.", ["items": .values(of: "item", "the items"), "gone": "nothing gives it"]),
            "item": TemplateVariables("An item.", ["name": "its name"]),
        ]
        let reference = TemplateReference(theme: theme, recorded: ["page": root], descriptions: descriptions)
        #expect(reference.markdown.contains("Rendered from: `page`, `page` (in `items[]`)."))
        // Rendered both in a list and at the page's top level, the partial gets what both give.
        #expect(reference.markdown.contains("| `name` | text | its name |"))
        #expect(!reference.markdown.contains("| `url` |"))
        // `items[].url` is not described by `item`, so the page must say what it is.
        #expect(reference.problems.contains("page: `items[].url` (text) has no description"))
        #expect(reference.problems.contains("page: `gone` is described, but no page gives it"))
        #expect(reference.problems.contains("page: `name` (text) has no description"))
    }

    /// What a default template prints raw (`{{{x}}}`) is HTML that the renderer made as such, never text.
    @Test func rawVariablesAreHTML() throws {
        let root = Fixtures.packageRoot
        let theme = try Theme.load(siteRoot: root)
        let content = try SiteLoader(root: root).load()
        let recorder = TemplateRecorder()
        let model = SiteModel(config: try #require(content.config), schema: try #require(content.schema), units: content.units,
                              pages: content.pages, profiles: content.profiles, includeDrafts: false)
        try recorder.record(model: model, theme: theme, extraBodyHTML: "<script></script>")
        let calls = PartialCalls(sources: theme.templateSources, roots: recorder.recorded)
        func rawNames(_ nodes: [CompiledTemplate.Node]) -> [String] {
            nodes.flatMap { node -> [String] in
                switch node {
                case .variable(let name, escaped: false): [name.parts.last?.name ?? "."]
                case .section(_, let children, _): rawNames(children)
                default: []
                }
            }
        }
        var checked = 0
        for (name, source) in theme.templateSources {
            let shape = try #require(recorder.recorded[name] ?? calls.shape(of: name), "\(name)")
            for raw in rawNames(try CompiledTemplate(source).nodes) {
                let uses = shape.paths.filter { $0.key == raw || $0.key.hasSuffix("." + raw) }
                #expect(!uses.isEmpty, "\(name): {{{\(raw)}}} is given nothing")
                for (path, use) in uses {
                    #expect(use.kinds == [.html], "\(name): \(path) is printed raw but is \(use.typeName)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 6)
    }
}
