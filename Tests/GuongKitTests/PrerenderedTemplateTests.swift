import Synchronization
import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

/// The layout's constant parts rendered once (`PrerenderedTemplate`), and the name hashes objects sort by.
@Suite("Prerendered templates")
struct PrerenderedTemplateTests {
    static let base: TemplateObject = ["b": .string("B"), "s": .object(["c": .string("C")]), "list": .list([.string("x"), .string("y")])]

    func render(_ source: String, page: TemplateObject, pageNames: Set<String>) throws -> (prerendered: String, plain: String, runs: [String]) {
        let compiled = try CompiledTemplates.compile(["t": source])
        let prerendered = try #require(compiled.prerendered("t", base: Self.base, pageNames: pageNames))
        let root = TemplateValue.object(page.extending(Self.base))
        var output: [UInt8] = []
        compiled.render(prerendered, root, into: &output)
        var plain: [UInt8] = []
        compiled.render("t", root, into: &plain)
        return (String(decoding: output, as: UTF8.self), String(decoding: plain, as: UTF8.self),
                prerendered.constantRuns.map { String(decoding: $0, as: UTF8.self) })
    }

    @Test func constantRunsAreRenderedOnceAndPageValuesEachTime() throws {
        let result = try render("<{{b}}{{#s}}{{c}}{{/s}}>{{a}}<{{#list}}{{.}}{{/list}}>", page: ["a": .string("A")], pageNames: ["a"])
        #expect(result.prerendered == "<BC>A<xy>")
        #expect(result.prerendered == result.plain)
        // `{{.}}` inside the list section is not folded: `.` could be the page's root.
        #expect(result.runs == ["<BC>", "<", ">"])
    }

    /// A page name inside a constant section, or as `.`, keeps the whole section per page.
    @Test func pageNamesInsideSectionsAreNotFolded() throws {
        let result = try render("{{#s}}{{a}}{{c}}{{/s}}|{{.}}|{{#b}}{{.a}}{{/b}}", page: ["a": .string("A")], pageNames: ["a"])
        #expect(result.prerendered == "AC||")
        #expect(result.prerendered == result.plain)
        #expect(result.runs == ["|", "|"])
    }

    /// Every layout the sample site renders comes out the same prerendered as rendered whole.
    @Test func theSampleSitesLayoutsAreUnchanged() throws {
        let root = Fixtures.packageRoot
        let content = try SiteLoader(root: root).load()
        var theme = try Theme.load(siteRoot: root)
        let tapped = Mutex<[(template: String, value: TemplateValue)]>([])
        theme.renderTap = { template, value in tapped.withLock { $0.append((template, value)) } }
        let model = SiteModel(config: try #require(content.config), schema: try #require(content.schema), units: content.units,
                              pages: content.pages, profiles: content.profiles, includeDrafts: false)
        let renderer = SiteRenderer(model: model, theme: theme)
        try renderer.render { _ in }
        let prerendered = try #require(renderer.context.layoutBase.prerendered)
        #expect(prerendered.constantRuns.count > 3)
        let renderings = tapped.withLock { $0 }
        let layouts = renderings.filter { $0.template == "layout" }.map(\.value)
        #expect(layouts.count > 20)
        for value in layouts {
            var output: [UInt8] = []
            theme.compiled.render(prerendered, value, into: &output)
            var plain: [UInt8] = []
            theme.compiled.render("layout", value, into: &plain)
            #expect(output == plain)
        }

        // The names of every page's values, which objects are sorted by and fingerprinted as, have distinct hashes.
        var names: [UInt64: String] = [:]
        func walk(_ value: TemplateValue) {
            switch value {
            case .object(let object):
                for (name, child) in object.fields {
                    let key = TemplateKey(name)
                    #expect(names[key.hash, default: name] == name, "\(name) and \(names[key.hash] ?? "") share a hash")
                    names[key.hash] = name
                    walk(child)
                }
            case .list(let items): items.forEach(walk)
            default: break
            }
        }
        renderings.forEach { walk($0.value) }
        #expect(names.count > 100)
    }
}
