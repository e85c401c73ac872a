// Unsafe code: memchr finds the content marker in the rendered layout.
import Foundation
import GuongKit

/// What the layout needs to wrap a page's content: title, where it sits, and how it is shared.
struct PageShell {
    var title: String
    /// The page's site path (`nam/2022/`).
    var path: String
    var description: String = ""
    /// The top-level section the page belongs to, for `aria-current` in the menu.
    var section: String = ""
    /// Ancestors, nearest last; the page itself is added at the end.
    var breadcrumbs: [(title: String, path: String)] = []
    var ogType = "website"
    /// An image for link previews, as a site path; the theme's default share image when nil.
    var image: String?
    /// Whether the page wants the search script.
    var usesSearch = false
    /// For pages that should not be indexed (404).
    var noIndex = false
    /// Links stay written from the site's root path (the 404 page, served at any path); every other page's
    /// are made relative to it (`RelativeLinks`).
    var linksFromRoot = false
}

extension PageShell {
    func fingerprint(into hasher: inout FingerprintHasher) {
        for text in [title, path, description, section, ogType, image ?? "\u{0}"] { hasher.add(text) }
        hasher.add(breadcrumbs.count)
        for crumb in breadcrumbs {
            hasher.add(crumb.title)
            hasher.add(crumb.path)
        }
        hasher.add(usesSearch)
        hasher.add(noIndex)
        hasher.add(linksFromRoot)
    }
}

/// A page whose values are made and not yet rendered: what its template and the layout will be given. Its
/// fingerprint is over exactly that, so a page whose fingerprint did not change since a build need not be
/// rendered again: nothing it reads is kept anywhere else (docs/architecture.md, "What a page reads").
package struct PageDraft: Sendable {
    let template: String
    let values: TemplateObject
    let shell: PageShell
}

extension RenderContext {
    /// The page `template` renders with `values`, wrapped in the layout.
    func page(_ template: String, _ values: TemplateObject, shell: PageShell) -> PageDraft {
        PageDraft(template: template, values: values, shell: shell)
    }

    /// Over the draft, the renderer, the theme and the layout's constant values.
    package func fingerprint(of draft: PageDraft) -> Fingerprint {
        var hasher = FingerprintHasher(seed: siteFingerprint)
        hasher.add(draft.template)
        hasher.add(templateFingerprints[draft.template] ?? Fingerprint(high: 0, low: 0))
        draft.values.fingerprint(into: &hasher)
        draft.shell.fingerprint(into: &hasher)
        return hasher.finalize()
    }

    /// Renders the draft's template with its values, then wraps it in the layout: the page's UTF-8, its links
    /// relative to the page unless the shell keeps them from the root path.
    package func render(_ draft: PageDraft) -> [UInt8] {
        let page = renderFromRoot(draft)
        if draft.shell.linksFromRoot { return page.bytes() }
        return page.withBytes { links.relative.rewrite($0, at: draft.shell.path) }
    }

    /// The page with every link written from the site's root path.
    private func renderFromRoot(_ draft: PageDraft) -> RenderBuffer {
        let (template, shell) = (draft.template, draft.shell)
        var values = draft.values
        values["t"] = strings
        values["base"] = .text(links.basePath)
        let root = TemplateValue.object(values)
        if layoutBase.splicesContent {
            // The layout is rendered with a marker where the content goes, and the content straight after
            // the part before it: no copy of the content (docs/performance.md).
            let frame = layout(content: LayoutBase.contentMarker, shell: shell)
            if let cut = frame.withBytes(LayoutBase.onlyMarker(in:)) {
                var output = RenderBuffer(capacity: frame.count + 32 * 1024)
                frame.withBytes { output.append(UnsafeBufferPointer(rebasing: $0[..<cut.lowerBound])) }
                theme.render(template, root, memo: memo, into: &output)
                frame.withBytes { output.append(UnsafeBufferPointer(rebasing: $0[cut.upperBound...])) }
                return output
            }
        }
        var content = RenderBuffer(capacity: 32 * 1024)
        theme.render(template, root, memo: memo, into: &content)
        return layout(content: content.bytes(), shell: shell)
    }

    /// The layout around `content`: it reads the shell and `layoutBase` only, both in every page's fingerprint.
    func layout(content: [UInt8], shell: PageShell) -> RenderBuffer {
        let isHome = shell.path.isEmpty
        var crumbs: [TemplateObject] = []
        if !isHome {
            crumbs = ([(t("home"), SitePaths.home)] + shell.breadcrumbs).map { ["title": .text($0.title), "url": .text(url($0.path))] }
            crumbs.append(["title": .text(shell.title), "current": .bool(true)])
        }
        let values: TemplateObject = [
            "title": .text(shell.title),
            "fullTitle": .text(isHome ? layoutBase.siteTitle : "\(shell.title) — \(layoutBase.siteTitle)"),
            "description": .text(shell.description.isEmpty ? layoutBase.siteDescription : PageShell.clipped(shell.description)),
            "canonical": .text(absoluteURL(shell.path)),
            "shareURL": .text(PageShell.queryEncoded(absoluteURL(shell.path))),
            "ogType": .text(shell.ogType),
            "image": .text(absoluteURL(shell.image ?? SitePaths.defaultShareImage)),
            "noIndex": .bool(shell.noIndex),
            "breadcrumbs": .list(crumbs),
            "hasBreadcrumbs": .bool(!crumbs.isEmpty),
            "nav": layoutBase.navigation(section: shell.section, path: shell.path),
            "content": .utf8(bytes: content),
            "usesSearch": .bool(shell.usesSearch),
            "isHome": .bool(isHome),
        ]
        var output = RenderBuffer(capacity: content.count + 8 * 1024)
        assert(Set(values.fields.keys).isSubset(of: LayoutBase.pageNames), "a layout value missing from LayoutBase.pageNames")
        let root = TemplateValue.object(values.extending(layoutBase.object))
        if let prerendered = layoutBase.prerendered {
            theme.render("layout", prerendered, root, into: &output)
        } else {
            theme.render("layout", root, into: &output)
        }
        return output
    }
}

/// The layout's values that are the same on every page, and its menu, made once per site.
struct LayoutBase: Sendable {
    /// A menu item; `section` names the pages it leads to.
    private struct MenuItem: Sendable {
        var section: String
        var path: String
        var object: TemplateObject
    }

    let object: TemplateObject
    private let menu: [MenuItem]
    /// The site's title and description, which titles and descriptions of pages fall back on.
    let siteTitle: String
    let siteDescription: String
    /// The menu with each section's items marked `aria-current="true"`, made once: what most pages show.
    private let menuBySection: [String: TemplateValue]
    /// The menu with no item marked, for pages of no section.
    private let plainMenu: TemplateValue
    /// The names of the values `RenderContext.layout` gives each page's layout, over `object`.
    static let pageNames: Set<String> = ["title", "fullTitle", "description", "canonical", "shareURL", "ogType", "image",
                                         "noIndex", "breadcrumbs", "hasBreadcrumbs", "nav", "content", "usesSearch", "isHome"]
    /// The layout with what does not depend on those rendered once (nil if the theme lacks it).
    let prerendered: PrerenderedTemplate?
    /// Whether the layout uses `content` only as `{{{content}}}` at its top level, so a page can be
    /// rendered in place of a marker (`RenderContext.page`).
    let splicesContent: Bool
    /// Stands for the content while the layout is rendered: NUL bytes never reach a page otherwise, and a
    /// page where it does not come out exactly once is rendered the plain way.
    static let contentMarker = Array("\u{0}guong:nội-dung\u{0}".utf8)

    init(model: SiteModel, strings: TemplateValue, theme: Theme, links: Links, extraBodyHTML: String) {
        let config = model.config
        splicesContent = theme.compiled.isUsedOnceRaw("content", in: "layout")
        siteTitle = config.title
        siteDescription = config.description
        object = [
            "t": strings,
            "base": .text(links.basePath),
            "lang": .text(config.language),
            "site": .object(["title": .text(config.title), "department": .text(config.department),
                             "description": .text(config.description), "identity": config.identity.templateValue]),
            "feedURL": .text(links.url(SitePaths.feed)),
            "dataURL": .text(links.url(SitePaths.data)),
            "searchURL": .text(links.url(SitePaths.search)),
            "plan": .object(["number": .text(model.schema.plan.number), "title": .text(model.schema.plan.title)]),
            "phase": .text("\(model.schema.phase.lowerBound)–\(model.schema.phase.upperBound)"),
            "extraBodyHTML": .utf8(bytes: Array(extraBodyHTML.utf8)),
        ]
        // The menu is one of a few lists made here (`navigation`): its sections are rendered once per list.
        prerendered = theme.compiled.prerendered("layout", base: object, pageNames: Self.pageNames, sharedNames: ["nav"])
        let t = { (key: String) in theme.strings[key] ?? key }
        var items: [(String, String, String)] = [
            (t("home"), SitePaths.home, "home"),
            (t("fields"), SitePaths.fields, "fields"),
            (t("years"), SitePaths.years, "years"),
            (model.kindName(.collective), SitePaths.kind(.collective), "collective"),
            (model.kindName(.individual), SitePaths.kind(.individual), "individual"),
            (t("units"), SitePaths.units, "units"),
            (t("registration"), SitePaths.registration, "registration"),
            (t("submission"), SitePaths.submission, "submission"),
        ]
        items += model.pages.map { ($0.title, SitePaths.page($0.slug), "page-" + $0.slug) }
        let menu = items.map { title, path, section in
            MenuItem(section: section, path: path, object: ["title": .text(title), "url": .text(links.url(path))])
        }
        self.menu = menu
        menuBySection = Dictionary(menu.map { ($0.section, Self.navigation(menu, section: $0.section, path: nil)) },
                                   uniquingKeysWith: { first, _ in first })
        plainMenu = Self.navigation(menu, section: nil, path: nil)
    }

    /// Everything of the layout's that is the same on every page, and the links every page's are made with.
    func fingerprint(into hasher: inout FingerprintHasher) {
        object.fingerprint(into: &hasher)
        hasher.add(menu.count)
        for item in menu {
            hasher.add(item.section)
            hasher.add(item.path)
            item.object.fingerprint(into: &hasher)
        }
        hasher.add(splicesContent)
        hasher.add(siteTitle)
        hasher.add(siteDescription)
    }

    /// The menu; the item of the page's section is marked `aria-current` ("page" when it is the page itself).
    func navigation(section: String, path: String) -> TemplateValue {
        guard menu.contains(where: { $0.section == section && $0.path == path }) else {
            return menuBySection[section] ?? plainMenu
        }
        return Self.navigation(menu, section: section, path: path)
    }

    private static func navigation(_ menu: [MenuItem], section: String?, path: String?) -> TemplateValue {
        .list(menu.map { item -> TemplateValue in
            guard item.section == section else { return .object(item.object) }
            var object = item.object
            object["current"] = .text(item.path == path ? "page" : "true")
            return .object(object)
        })
    }

    /// Where the marker stands in `bytes` (a rendered frame's, read where they lie), if it stands there exactly once.
    static func onlyMarker(in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var found: Range<Int>?
        var start = 0
        // Its first byte, NUL, is looked for with memchr; each one found is checked for the whole marker.
        while start < bytes.count, let hit = memchr(bytes.baseAddress! + start, 0, bytes.count - start) {
            let offset = bytes.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            let end = offset + contentMarker.count
            if end <= bytes.count, bytes[offset..<end].elementsEqual(contentMarker) {
                guard found == nil else { return nil }
                found = offset..<end
                start = end
            } else {
                start = offset + 1
            }
        }
        return found
    }
}
