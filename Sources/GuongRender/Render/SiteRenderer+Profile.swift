import GuongKit

extension SiteRenderer {
    /// How many colleagues of the same unit a profile page names.
    static let relatedLimit = 4

    func profilePage(_ index: Int) -> PageDraft {
        let model = context.model
        let profile = model.profiles[index]
        var values = TemplateObject(extending: context.cards[index].object).extending(programmeValues(profile))
        values["leadHTML"] = .utf8(bytes: MarkdownBlock.html(of: profile.lead))
        values["bodyHTML"] = .utf8(bytes: MarkdownBlock.html(of: profile.body))
        values["hasBody"] = .bool(!profile.body.isEmpty)
        values["registered"] = .text(profile.registered?.vietnamese ?? "")
        if let picture = PhotoValues.picture(of: profile, url: context.links.url) { values["photo"] = .object(picture) }
        // A few colleagues and a link to the unit's page: listing every one made the aside most of the page.
        let colleagues = (model.byUnit[profile.unitID] ?? []).filter { $0 != index }
        let neighbours = colleagues.prefix(Self.relatedLimit)
        values["related"] = .list(neighbours.map { context.cards[$0].template })
        values["hasRelated"] = .bool(!neighbours.isEmpty)
        values["moreRelated"] = .bool(colleagues.count > neighbours.count)
        values["unitCount"] = .int(colleagues.count + 1)
        values["fieldCriteria"] = .list(profile.fieldCodes.compactMap { context.fieldsByCode[$0] }.map { field -> TemplateObject in
            ["name": .text(field.name), "url": .text(context.url(SitePaths.field(field))), "criteria": .text(field.criteria[profile.kind] ?? "")]
        })
        let shell = PageShell(
            title: profile.name, path: SitePaths.profile(profile.slug),
            description: CardSummary.of(profile.summary, limit: CardSummary.descriptionLimit),
            section: profile.kind.rawValue,
            breadcrumbs: [(context.kindName(profile.kind), SitePaths.kind(profile.kind))],
            ogType: "profile", image: PhotoValues.shareImage(of: profile)
        )
        return context.page("profile", values, shell: shell)
    }
}
