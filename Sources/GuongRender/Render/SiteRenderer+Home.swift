import GuongKit

extension SiteRenderer {
    func homePage() -> PageDraft {
        let model = context.model
        let intro = model.pages.first
        let fieldMost = model.schema.fields.map { model.byField[$0.code]?.count ?? 0 }.max() ?? 0
        let yearMost = model.years.map { model.byYear[$0]?.count ?? 0 }.max() ?? 0
        let figures: TemplateObject = [
            "total": .int(model.profiles.count),
            "kinds": .list(ProfileKind.allCases.map { kind -> TemplateObject in
                ["name": .text(context.kindName(kind)), "count": .int(model.byKind[kind]?.count ?? 0),
                 "url": .text(context.url(SitePaths.kind(kind)))]
            }),
            "fields": .list(model.schema.fields.map { field -> TemplateObject in
                ["code": .text(field.code), "name": .text(field.name), "short": .text(field.short),
                 "count": .int(model.byField[field.code]?.count ?? 0), "url": .text(context.url(SitePaths.field(field))),
                 "percent": .int(BarWidth.percent(model.byField[field.code]?.count ?? 0, of: fieldMost))]
            }),
            "years": .list(model.years.map { year -> TemplateObject in
                ["year": .int(year), "count": .int(model.byYear[year]?.count ?? 0), "url": .text(context.url(SitePaths.year(year))),
                 "percent": .int(BarWidth.percent(model.byYear[year]?.count ?? 0, of: yearMost))]
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
            "process": .list(model.schema.processNames.enumerated().map { step -> TemplateObject in
                ["number": .int(step.offset + 1), "name": .text(step.element)]
            }),
            "figures": .object(figures),
            "newest": .list(model.newestFirst.prefix(6).map { context.cards[$0].template }),
            "hasNewest": .bool(!context.cards.isEmpty),
            "fieldsURL": .text(context.url(SitePaths.fields)),
            "yearsURL": .text(context.url(SitePaths.years)),
            "unitsURL": .text(context.url(SitePaths.units)),
            "registrationURL": .text(context.url(SitePaths.registration)),
            "honoursURL": .text(context.url(SitePaths.honours)),
            "searchURL": .text(context.url(SitePaths.search)),
        ]
        let shell = PageShell(title: model.config.title, path: SitePaths.home, description: model.config.description, section: "home")
        return context.page("home", values, shell: shell)
    }
}
