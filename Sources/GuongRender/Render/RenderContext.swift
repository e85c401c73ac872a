import GuongKit

/// Links under the site's base URL.
package struct Links: Sendable {
    /// The base URL's path, e.g. `/dien-hinh-tien-tien/`; every link starts with it.
    let basePath: String
    /// The absolute base URL, for canonical links, feeds and the sitemap.
    let baseURL: String

    /// Turns a rendered page's links from `basePath` into links relative to the page.
    let relative: RelativeLinks

    init(baseURL: String) {
        self.baseURL = baseURL
        self.basePath = BaseURL.path(of: baseURL)
        relative = RelativeLinks(basePath: basePath)
    }

    /// A link to a site path: `nam/2022/` → `/dien-hinh-tien-tien/nam/2022/`.
    func url(_ path: String) -> String { basePath + path }

    /// The absolute URL of a site path.
    func absoluteURL(_ path: String) -> String { baseURL + path }
}

/// What every page renderer shares: the model, the theme, links, and each profile's card, computed once.
package struct RenderContext: Sendable {
    package let model: SiteModel
    package let theme: Theme
    package let links: Links
    package let fieldsByCode: [String: Field]
    /// What cards share (each field's and year's object, each kind's and unit's link), made once.
    package let cardParts: CardParts
    /// Each profile's summary for lists, in `model.profiles` order.
    package let cards: [Card]
    /// Injected before `</body>` by the preview server; empty in `guong build`.
    let extraBodyHTML: String
    /// The theme's UI strings as a template value (`{{t.key}}`), converted once.
    let strings: TemplateValue
    /// What the layout shows the same on every page, made once.
    let layoutBase: LayoutBase
    /// Partials shown with a card, rendered once each (`RenderContext.page` sets `t` and `base` on every page).
    let memo = PartialMemo(constantRootNames: ["t", "base"])
    /// Everything every page is rendered with besides its own values: the renderer, the theme, the layout's
    /// constant values; part of every page's fingerprint.
    let siteFingerprint: Fingerprint
    /// Of each template with the partials it uses (`Theme.templateFingerprints`).
    let templateFingerprints: [String: Fingerprint]

    package init(model: SiteModel, theme: Theme, extraBodyHTML: String = "") {
        let links = Links(baseURL: model.config.baseURL)
        let fieldsByCode = Dictionary(model.schema.fields.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let parts = CardParts(model: model, links: links)
        let cards = model.profiles.parallelMap { Card(profile: $0, model: model, parts: parts, fieldsByCode: fieldsByCode) }
        self.init(model: model, theme: theme, links: links, fieldsByCode: fieldsByCode, cardParts: parts, cards: cards,
                  extraBodyHTML: extraBodyHTML)
    }

    /// The one place every stored property is set; `cards` hold one card per profile of `model`.
    package init(model: SiteModel, theme: Theme, links: Links, fieldsByCode: [String: Field], cardParts: CardParts, cards: [Card],
                 extraBodyHTML: String) {
        self.model = model
        self.theme = theme
        self.links = links
        self.fieldsByCode = fieldsByCode
        self.cardParts = cardParts
        // Cards are marked by their place here: the memo needs keys unique among this context's cards.
        self.cards = cards.enumerated().map { $1.memoized(as: $0) }
        self.extraBodyHTML = extraBodyHTML
        let strings = TemplateValue.object(TemplateObject(strings: theme.strings))
        self.strings = strings
        layoutBase = LayoutBase(model: model, strings: strings, theme: theme, links: links, extraBodyHTML: extraBodyHTML)
        var site = FingerprintHasher(seed: ExecutableIdentity.fingerprint)
        site.add(theme.stringsFingerprint)
        site.add(links.baseURL)
        layoutBase.fingerprint(into: &site)
        templateFingerprints = theme.templateFingerprints()
        site.add(templateFingerprints["layout"] ?? Fingerprint(high: 0, low: 0))
        siteFingerprint = site.finalize()
    }

    func url(_ path: String) -> String { links.url(path) }
    func absoluteURL(_ path: String) -> String { links.absoluteURL(path) }

    /// A UI string from the theme; the key itself if the theme lacks it.
    func t(_ key: String) -> String { theme.strings[key] ?? key }

    func kindName(_ kind: ProfileKind) -> String { model.kindName(kind) }
}

/// A profile's summary for lists, as a template object, made once for the many lists a card appears in.
package struct Card: Sendable {
    private(set) var object: TemplateObject
    var template: TemplateValue { .object(object) }

    func memoized(as key: Int) -> Card {
        var card = self
        card.object = object.memoized(as: key)
        return card
    }

    package init(profile: Profile, model: SiteModel, parts: CardParts, fieldsByCode: [String: Field]) {
        let links = parts.links
        let fields = profile.fieldCodes.compactMap { fieldsByCode[$0] }
        let unitName = model.unitName(profile.unitID)
        object = [
            "url": .text(links.url(SitePaths.profile(profile.slug))),
            "name": .text(profile.name),
            "kind": .text(profile.kind.rawValue),
            "kindName": .text(model.kindName(profile.kind)),
            "kindURL": .text(parts.kindURL(profile.kind)),
            "isIndividual": .bool(profile.kind == .individual),
            "position": .text(profile.position),
            "unitName": .text(unitName),
            // A school's own collective profile carries the school's name; its card need not repeat it.
            "isUnitItself": .bool(profile.kind == .collective && profile.name == unitName),
            "unitURL": .text(parts.unitURL(profile.unitID)),
            "fields": .list(fields.map(parts.field)),
            "fieldNames": .text(fields.map(\.name).joined(separator: "; ")),
            "years": .list(profile.years.map(parts.year)),
            "yearsText": .text(profile.years.map(String.init).joined(separator: ", ")),
            "summary": .text(CardSummary.of(profile.summary)),
            "achievements": .list(profile.achievements.map { item -> TemplateObject in
                ["html": .utf8(bytes: item.htmlUTF8), "text": .text(item.text)]
            }),
            "draft": .bool(profile.draft),
            "stageName": .text(model.schema.process[safe: profile.latestStage]?.name ?? ""),
            "cardHonours": .list(profile.honours.map { honour -> TemplateObject in
                ["form": .text(honour.formName), "decision": .text(honour.decision ?? ""), "date": .text(honour.date.vietnamese)]
            }),
        ]
        if let thumbnail = PhotoValues.thumbnail(of: profile, url: links.url) { object["thumb"] = .object(thumbnail) }
        // Sealed: the many pages that show a card add its fingerprint, made here once, to theirs.
        object = object.sealed()
    }
}

/// What many cards show the same, made once for all of them: each field's and each year's object (sealed, so a
/// card's fingerprint takes theirs instead of hashing their text again), each kind's and each unit's link. A
/// field, year or unit it was not made with (a profile the preview loaded since) is made on the spot.
package struct CardParts: Sendable {
    let links: Links
    private let fields: [String: TemplateObject]
    private let years: [Int: TemplateObject]
    private let kindURLs: [ProfileKind: String]
    private let unitURLs: [String: String]

    init(model: SiteModel, links: Links) {
        self.links = links
        fields = Dictionary(model.schema.fields.map { ($0.code, Self.makeField($0, links: links)) }, uniquingKeysWith: { first, _ in first })
        years = Dictionary(Set(model.profiles.flatMap(\.years)).map { ($0, Self.makeYear($0, links: links)) }, uniquingKeysWith: { first, _ in first })
        kindURLs = Dictionary(uniqueKeysWithValues: ProfileKind.allCases.map { ($0, links.url(SitePaths.kind($0))) })
        unitURLs = Dictionary(model.units.map { ($0.id, links.url(SitePaths.unit($0.id))) }, uniquingKeysWith: { first, _ in first })
    }

    /// The settings (the schema's fields) are those the parts were made with: the preview makes a new context when
    /// they change.
    func field(_ field: Field) -> TemplateObject { fields[field.code] ?? Self.makeField(field, links: links) }

    func year(_ year: Int) -> TemplateObject { years[year] ?? Self.makeYear(year, links: links) }
    func kindURL(_ kind: ProfileKind) -> String { kindURLs[kind] ?? links.url(SitePaths.kind(kind)) }
    func unitURL(_ unit: String) -> String { unitURLs[unit] ?? links.url(SitePaths.unit(unit)) }

    private static func makeField(_ field: Field, links: Links) -> TemplateObject {
        let object: TemplateObject = ["code": .text(field.code), "name": .text(field.name), "short": .text(field.short),
                                      "url": .text(links.url(SitePaths.field(field)))]
        return object.sealed()
    }

    private static func makeYear(_ year: Int, links: Links) -> TemplateObject {
        let object: TemplateObject = ["year": .int(year), "url": .text(links.url(SitePaths.year(year)))]
        return object.sealed()
    }
}
