import Foundation
import Synchronization
import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

/// The compiled engine against swift-mustache: over the specification's sections, and over every
/// rendering of the default theme's templates while the sample site is built.
@Suite("The compiled engine against swift-mustache")
struct TemplateDifferentialTests {
    @Test(arguments: MustacheSpecCase.interpolation + MustacheSpecCase.sections + MustacheSpecCase.inverted
        + MustacheSpecCase.comments + MustacheSpecCase.partials)
    func specificationCase(_ spec: MustacheSpecCase) throws {
        let templates = spec.partials.merging(["test": spec.template]) { _, test in test }
        let theme = try Theme.of(templates)
        let oracle = try MustacheOracle(templates)
        #expect(theme.render("test", spec.data) == oracle.render("test", spec.data))
    }

    @Test func unsupportedSectionsAreRefused() throws {
        for (spec, reason) in MustacheSpecCase.refused {
            let templates = spec.partials.merging(["test": spec.template]) { _, test in test }
            do {
                _ = try CompiledTemplates.compile(templates)
                Issue.record("\(spec.testDescription) compiled")
            } catch {
                #expect(error.problem.reason == reason, "\(spec.testDescription)")
            }
        }
    }

    /// Every template rendered while the sample site (`content/`, with `theme/`) is rendered, with the
    /// value it was rendered with, gives the same text with either engine.
    @Test func everyRenderingOfTheDefaultThemeAgrees() throws {
        let root = Fixtures.packageRoot
        let content = try SiteLoader(root: root).load()
        var theme = try Theme.load(siteRoot: root)
        let tapped = Tapped()
        theme.renderTap = { template, value in tapped.add(template, value) }
        let model = SiteModel(config: try #require(content.config), schema: try #require(content.schema), units: content.units,
                              pages: content.pages, profiles: content.profiles, includeDrafts: false)
        try SiteRenderer(model: model, theme: theme).render { _ in }

        let renderings = tapped.all
        let pages: Set<String> = ["layout", "home", "profile", "fields", "field", "years", "year", "kind", "units", "unit",
                                  "registration", "search", "page", "not-found"]
        // Every page family renders (later features add more pages; each rendering is compared below).
        #expect(Set(renderings.map(\.template)).isSuperset(of: pages))
        #expect(Set(theme.templateSources.keys).isSuperset(of: pages))
        let oracle = try MustacheOracle(theme.templateSources)
        var compared = 0
        for (template, value) in renderings {
            let compiled = theme.compiled.rendered(template, value)
            let expected = oracle.render(template, value)
            #expect(compiled == expected, "\(template)")
            if compiled != expected { break }
            compared += 1
        }
        #expect(compared > 100)
    }
}

/// Renderings told by `Theme.renderTap`, from every core.
private final class Tapped: Sendable {
    private let list = Mutex<[(template: String, value: TemplateValue)]>([])
    func add(_ template: String, _ value: TemplateValue) { list.withLock { $0.append((template, value)) } }
    var all: [(template: String, value: TemplateValue)] { list.withLock { $0 } }
}

extension CompiledTemplates {
    /// `template` rendered with `value`, as text.
    func rendered(_ template: String, _ value: TemplateValue) -> String {
        var output: [UInt8] = []
        render(template, value, into: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
