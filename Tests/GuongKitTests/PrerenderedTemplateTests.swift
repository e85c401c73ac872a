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

    /// A section over a shared list is kept per list only when its items hold every page name its body uses.
    @Test func sharedListSectionsAreKeptWhenTheirItemsDecideThem() throws {
        let compiled = try CompiledTemplates.compile(["t": "{{#nav}}<{{title}}{{b}}{{.url}}>{{/nav}}{{title}}"])
        let template = try #require(compiled.prerendered("t", base: Self.base, pageNames: ["nav", "title"], sharedNames: ["nav"]))
        let full: TemplateValue = .list([.object(["title": .string("T1"), "url": .string("/1")]), .object(["title": .string("T2")])])
        let partial: TemplateValue = .list([.object(["url": .string("/3")])])
        func render(_ nav: TemplateValue, title: String) -> (String, String) {
            let root = TemplateValue.object((["nav": nav, "title": .string(title)] as TemplateObject).extending(Self.base))
            var output: [UInt8] = [], plain: [UInt8] = []
            compiled.render(template, root, into: &output)
            compiled.render("t", root, into: &plain)
            return (String(decoding: output, as: UTF8.self), String(decoding: plain, as: UTF8.self))
        }
        #expect(render(full, title: "A") == ("<T1B/1><T2B>A", "<T1B/1><T2B>A"))
        #expect(template.sectionMemo.count == 1)
        #expect(render(full, title: "C") == ("<T1B/1><T2B>C", "<T1B/1><T2B>C"))
        // An item without a title shows the page's: never kept.
        #expect(render(partial, title: "D") == ("<DB/3>D", "<DB/3>D"))
        #expect(render(partial, title: "E") == ("<EB/3>E", "<EB/3>E"))
        #expect(template.sectionMemo.count == 1)
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
