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
    /// An image for link previews, as a site path.
    var image: String?
    /// Whether the page wants the search script.
    var usesSearch = false
    /// For pages that should not be indexed (404).
    var noIndex = false
}

extension RenderContext {
    /// Renders `template` with `values`, then wraps it in the layout.
    func page(_ template: String, _ values: [String: Any], shell: PageShell) -> String {
        var values = values
        values["t"] = strings
        values["base"] = links.basePath
        let content = theme.render(template, values)
        return layout(content: content, shell: shell)
    }

    func layout(content: String, shell: PageShell) -> String {
        let config = model.config
        let isHome = shell.path.isEmpty
        var crumbs: [[String: Any]] = []
        if !isHome {
            crumbs = ([(t("home"), SitePaths.home)] + shell.breadcrumbs).map { ["title": $0.title, "url": url($0.path)] }
            crumbs.append(["title": shell.title, "current": true])
        }
        let values: [String: Any] = [
            "t": strings,
            "base": links.basePath,
            "lang": config.language,
            "site": ["title": config.title, "department": config.department, "description": config.description],
            "title": shell.title,
            "fullTitle": isHome ? config.title : "\(shell.title) — \(config.title)",
            "description": shell.description.isEmpty ? config.description : String(shell.description.prefix(300)),
            "canonical": absoluteURL(shell.path),
            "ogType": shell.ogType,
            "image": shell.image.map(absoluteURL) ?? "",
            "noIndex": shell.noIndex,
            "breadcrumbs": crumbs,
            "hasBreadcrumbs": !crumbs.isEmpty,
            "nav": navigation(section: shell.section, path: shell.path),
            "content": content,
            "usesSearch": shell.usesSearch,
            "feedURL": url(SitePaths.feed),
            "dataURL": url(SitePaths.data),
            "searchURL": url(SitePaths.search),
            "plan": ["number": model.schema.plan.number, "title": model.schema.plan.title],
            "phase": "\(model.schema.phase.lowerBound)–\(model.schema.phase.upperBound)",
            "extraBodyHTML": extraBodyHTML,
        ]
        return theme.render("layout", values)
    }

    /// The menu; the item of the page's section is marked `aria-current` ("page" when it is the page itself).
    private func navigation(section: String, path: String) -> [[String: Any]] {
        var items: [(String, String, String)] = [
            (t("home"), SitePaths.home, "home"),
            (t("fields"), SitePaths.fields, "fields"),
            (t("years"), SitePaths.years, "years"),
            (kindName(.collective), SitePaths.kind(.collective), "collective"),
            (kindName(.individual), SitePaths.kind(.individual), "individual"),
            (t("units"), SitePaths.units, "units"),
            (t("registration"), SitePaths.registration, "registration"),
        ]
        items += model.pages.map { ($0.title, SitePaths.page($0.slug), "page-" + $0.slug) }
        return items.map { item in
            let current = item.2 == section ? (item.1 == path ? "page" : "true") : ""
            return ["title": item.0, "url": url(item.1), "current": current]
        }
    }
}
