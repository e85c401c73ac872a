import GuongKit

extension SiteRenderer {
    func homePage() -> [UInt8] {
        let model = context.model
        let intro = model.pages.first
        let figures: TemplateObject = [
            "total": .int(model.profiles.count),
            "kinds": .list(ProfileKind.allCases.map { kind -> TemplateObject in
                ["name": .text(context.kindName(kind)), "count": .int(model.byKind[kind]?.count ?? 0),
                 "url": .text(context.url(SitePaths.kind(kind)))]
            }),
            "fields": .list(model.schema.fields.map { field -> TemplateObject in
                ["code": .text(field.code), "name": .text(field.name), "short": .text(field.short),
                 "count": .int(model.byField[field.code]?.count ?? 0), "url": .text(context.url(SitePaths.field(field)))]
            }),
            "years": .list(model.years.map { year -> TemplateObject in
                ["year": .int(year), "count": .int(model.byYear[year]?.count ?? 0), "url": .text(context.url(SitePaths.year(year)))]
            }),
        ]
        let values: TemplateObject = [
            "intro": .object(intro.map { page -> TemplateObject in
                ["title": .text(page.title), "summary": .text(page.summary), "url": .text(context.url(SitePaths.page(page.slug)))]
            } ?? [:]),
            "hasIntro": .bool(intro != nil),
            "description": .text(model.config.description),
            "department": .text(model.config.department),
            "phase": .text("\(model.schema.phase.lowerBound)–\(model.schema.phase.upperBound)"),
            "plan": .object(["number": .text(model.schema.plan.number), "title": .text(model.schema.plan.title)]),
            "process": .list(model.schema.process.enumerated().map { step -> TemplateObject in
                ["number": .int(step.offset + 1), "name": .text(step.element)]
            }),
            "figures": .object(figures),
            "newest": .list(context.cards.prefix(6).map(\.template)),
            "hasNewest": .bool(!context.cards.isEmpty),
            "fieldsURL": .text(context.url(SitePaths.fields)),
            "yearsURL": .text(context.url(SitePaths.years)),
            "unitsURL": .text(context.url(SitePaths.units)),
            "registrationURL": .text(context.url(SitePaths.registration)),
            "searchURL": .text(context.url(SitePaths.search)),
        ]
        let shell = PageShell(title: model.config.title, path: SitePaths.home, description: model.config.description, section: "home")
        return context.page("home", values, shell: shell)
    }
}
