extension SiteRenderer {
    func homePage() -> String {
        let model = context.model
        let intro = model.pages.first
        let figures: [String: Any] = [
            "total": model.profiles.count,
            "kinds": ProfileKind.allCases.map { kind -> [String: Any] in
                ["name": context.kindName(kind), "count": model.byKind[kind]?.count ?? 0, "url": context.url(SitePaths.kind(kind))]
            },
            "fields": model.schema.fields.map { field -> [String: Any] in
                ["code": field.code, "name": field.name, "short": field.short, "count": model.byField[field.code]?.count ?? 0,
                 "url": context.url(SitePaths.field(field))]
            },
            "years": model.years.map { year -> [String: Any] in
                ["year": year, "count": model.byYear[year]?.count ?? 0, "url": context.url(SitePaths.year(year))]
            },
        ]
        let values: [String: Any] = [
            "intro": intro.map { ["title": $0.title, "summary": $0.summary, "url": context.url(SitePaths.page($0.slug))] } ?? [:],
            "hasIntro": intro != nil,
            "description": model.config.description,
            "department": model.config.department,
            "phase": "\(model.schema.phase.lowerBound)–\(model.schema.phase.upperBound)",
            "plan": ["number": model.schema.plan.number, "title": model.schema.plan.title],
            "process": model.schema.process.enumerated().map { ["number": $0.offset + 1, "name": $0.element] },
            "figures": figures,
            "newest": context.cards.prefix(6).map(\.template),
            "hasNewest": !context.cards.isEmpty,
            "fieldsURL": context.url(SitePaths.fields),
            "yearsURL": context.url(SitePaths.years),
            "unitsURL": context.url(SitePaths.units),
            "registrationURL": context.url(SitePaths.registration),
            "searchURL": context.url(SitePaths.search),
        ]
        let shell = PageShell(title: model.config.title, path: SitePaths.home, description: model.config.description, section: "home")
        return context.page("home", values, shell: shell)
    }
}
