/// Links under the site's base URL.
struct Links: Sendable {
    /// The base URL's path, e.g. `/dien-hinh-tien-tien/`; every link starts with it.
    let basePath: String
    /// The absolute base URL, for canonical links, feeds and the sitemap.
    let baseURL: String

    init(baseURL: String) {
        self.baseURL = baseURL
        self.basePath = BaseURL.path(of: baseURL)
    }

    /// A link to a site path: `nam/2022/` → `/dien-hinh-tien-tien/nam/2022/`.
    func url(_ path: String) -> String { basePath + path }

    /// The absolute URL of a site path.
    func absoluteURL(_ path: String) -> String { baseURL + path }
}

/// What every page renderer shares: the model, the theme, links, and each profile's card, computed once.
struct RenderContext: Sendable {
    let model: SiteModel
    let theme: Theme
    let links: Links
    let fieldsByCode: [String: Field]
    /// Each profile's summary for lists, in `model.profiles` order.
    let cards: [Card]
    /// Injected before `</body>` by the preview server; empty in `guong build`.
    let extraBodyHTML: String
    /// The theme's UI strings as a template value (`{{t.key}}`), converted once.
    let strings: TemplateValue

    init(model: SiteModel, theme: Theme, extraBodyHTML: String = "") {
        self.model = model
        self.theme = theme
        self.extraBodyHTML = extraBodyHTML
        strings = .object(TemplateValue.compact(theme.strings))
        let links = Links(baseURL: model.config.baseURL)
        let fieldsByCode = Dictionary(model.schema.fields.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.links = links
        self.fieldsByCode = fieldsByCode
        self.cards = model.profiles.parallelMap { Card(profile: $0, model: model, links: links, fieldsByCode: fieldsByCode) }
    }

    func url(_ path: String) -> String { links.url(path) }
    func absoluteURL(_ path: String) -> String { links.absoluteURL(path) }

    /// A UI string from the theme; the key itself if the theme lacks it.
    func t(_ key: String) -> String { theme.strings[key] ?? key }

    func kindName(_ kind: ProfileKind) -> String { model.kindName(kind) }
}

extension SiteModel {
    /// The kind's name from the schema: Tập thể, Cá nhân.
    func kindName(_ kind: ProfileKind) -> String {
        schema.definition(of: kind)?.name ?? kind.rawValue
    }
}

/// A profile's summary for lists, as template values, converted once for the many lists a card appears in.
struct Card: Sendable {
    let templateValues: [String: TemplateValue]
    var template: TemplateValue { .object(templateValues) }
    /// The values as a dictionary a page can add to.
    var values: [String: Any] { templateValues.mapValues { $0 } }

    init(profile: Profile, model: SiteModel, links: Links, fieldsByCode: [String: Field]) {
        let fields = profile.fieldCodes.compactMap { fieldsByCode[$0] }
        templateValues = TemplateValue.compact([
            "url": links.url(SitePaths.profile(profile.slug)),
            "name": profile.name,
            "kind": profile.kind.rawValue,
            "kindName": model.kindName(profile.kind),
            "kindURL": links.url(SitePaths.kind(profile.kind)),
            "isIndividual": profile.kind == .individual,
            "position": profile.position,
            "unitName": model.unitName(profile.unitID),
            // A school's own collective profile carries the school's name; its card need not repeat it.
            "isUnitItself": profile.kind == .collective && profile.name == model.unitName(profile.unitID),
            "unitURL": links.url(SitePaths.unit(profile.unitID)),
            "fields": fields.map { field -> [String: Any] in
                ["code": field.code, "name": field.name, "short": field.short, "url": links.url(SitePaths.field(field))]
            },
            "fieldNames": fields.map(\.name).joined(separator: "; "),
            "years": profile.years.map { ["year": $0, "url": links.url(SitePaths.year($0))] as [String: Any] },
            "yearsText": profile.years.map(String.init).joined(separator: ", "),
            "summary": profile.summary,
            "achievements": profile.achievements.map { ["html": $0.html, "text": $0.text] },
            "draft": profile.draft,
        ])
    }
}
