import GuongKit

extension SiteRenderer {
    func fieldsIndexPage() -> PageDraft {
        let model = context.model
        let fields = model.schema.fields.map { field -> TemplateObject in
            [
                "code": .text(field.code), "name": .text(field.name), "url": .text(context.url(SitePaths.field(field))),
                "count": .int(model.byField[field.code]?.count ?? 0),
                "criteria": .list(criteriaValues(field)),
            ]
        }
        let shell = PageShell(title: context.t("fields"), path: SitePaths.fields, section: "fields")
        return context.page("fields", ["fields": .list(fields), "plan": .object(planCriteria)], shell: shell)
    }

    func yearsIndexPage() -> PageDraft {
        let model = context.model
        let years = model.years.reversed().map { year -> TemplateObject in
            ["year": .int(year), "url": .text(context.url(SitePaths.year(year))), "count": .int(model.byYear[year]?.count ?? 0),
             "quotas": .list(quotaValues(year))]
        }
        let milestones = model.schema.milestones.map { milestone -> TemplateObject in
            ["date": .text(milestone.date.vietnamese), "name": .text(milestone.name)]
        }
        let shell = PageShell(title: context.t("years"), path: SitePaths.years, section: "years")
        return context.page("years", ["years": .list(years), "milestones": .list(milestones), "hasMilestones": .bool(!milestones.isEmpty)],
                            shell: shell)
    }

    func unitsIndexPage() -> PageDraft {
        let model = context.model
        var levels: [String] = []
        for unit in model.units where !levels.contains(unit.level) { levels.append(unit.level) }
        let groups = levels.map { level -> TemplateObject in
            let units = model.units.filter { $0.level == level }
                .sorted { VietnameseFolding.key($0.name) < VietnameseFolding.key($1.name) }
                .map { unit -> TemplateObject in
                    ["name": .text(unit.name), "commune": .text(unit.commune), "url": .text(context.url(SitePaths.unit(unit.id))),
                     "count": .int(model.byUnit[unit.id]?.count ?? 0)]
                }
            return ["level": .text(level), "id": .text(VietnameseFolding.slug(level)), "units": .list(units), "count": .int(units.count)]
        }
        let shell = PageShell(title: context.t("units"), path: SitePaths.units, section: "units")
        return context.page("units", ["levels": .list(groups)], shell: shell)
    }

    func searchPage() -> PageDraft {
        let model = context.model
        let values: TemplateObject = [
            "fields": .list(model.schema.fields.map { field -> TemplateObject in
                ["code": .text(field.code), "name": .text(field.name), "url": .text(context.url(SitePaths.field(field)))]
            }),
            "years": .list(model.years.map { year -> TemplateObject in ["year": .int(year), "url": .text(context.url(SitePaths.year(year)))] }),
            "kinds": .list(ProfileKind.allCases.map { kind -> TemplateObject in
                ["id": .text(kind.rawValue), "name": .text(context.kindName(kind)), "url": .text(context.url(SitePaths.kind(kind)))]
            }),
            "units": .list(model.units.map { unit -> TemplateObject in ["id": .text(unit.id), "name": .text(unit.name)] }),
            "unitsURL": .text(context.url(SitePaths.units)),
            "fieldsURL": .text(context.url(SitePaths.fields)),
            "yearsURL": .text(context.url(SitePaths.years)),
            "indexURL": .text(context.url(SearchIndex.directory)),
            "profileURL": .text(context.url(SitePaths.profile("{slug}"))),
        ]
        var shell = PageShell(title: context.t("search"), path: SitePaths.search, section: "search")
        shell.usesSearch = true
        return context.page("search", values, shell: shell)
    }

    func freePage(_ page: Page) -> PageDraft {
        let shell = PageShell(title: page.title, path: SitePaths.page(page.slug), description: page.summary, section: "page-" + page.slug)
        return context.page("page", ["title": .text(page.title), "html": .utf8(bytes: MarkdownBlock.html(of: page.blocks))], shell: shell)
    }

    func notFoundPage() -> PageDraft {
        var shell = PageShell(title: context.t("not_found_title"), path: SitePaths.notFound)
        shell.noIndex = true
        // Served at whatever path was not found: only links from the root path lead anywhere from there.
        shell.linksFromRoot = true
        return context.page("not-found", [:], shell: shell)
    }
}
