import GuongKit

extension SiteRenderer {
    /// How many colleagues of the same unit a profile page names.
    static let relatedLimit = 2

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
        let unit = model.byUnit[profile.unitID] ?? []
        let neighbours = Self.neighbours(of: index, in: unit, limit: Self.relatedLimit)
        values["related"] = .list(neighbours.map { context.cards[$0].template })
        values["hasRelated"] = .bool(!neighbours.isEmpty)
        values["moreRelated"] = .bool(unit.count - 1 > neighbours.count)
        values["unitCount"] = .int(unit.count)
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

    /// The colleagues a profile page names: those next to it in its unit's list, after it then before it by
    /// turns (the list read round), shown in the list's order. Each colleague is so named on the pages
    /// beside it, and not the unit's first few on every page of the unit.
    static func neighbours(of index: Int, in unit: [Int], limit: Int) -> [Int] {
        guard let place = unit.firstIndex(of: index) else { return Array(unit.filter { $0 != index }.prefix(limit)) }
        var places: [Int] = []
        var step = 1
        while places.count < min(limit, unit.count - 1) {
            for next in [place + step, place - step] where places.count < limit {
                let wrapped = (next % unit.count + unit.count) % unit.count
                if wrapped != place, !places.contains(wrapped) { places.append(wrapped) }
            }
            step += 1
        }
        return places.sorted().map { unit[$0] }
    }
}
