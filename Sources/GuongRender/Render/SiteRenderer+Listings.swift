import GuongKit

extension SiteRenderer {
    /// The values every listing template shares: groups of cards, pagination, counts.
    func listingValues(_ listing: Listing, path: String, page: Int) -> TemplateObject {
        [
            "groups": .list(listing.groups(page: page, cards: context.cards)),
            "pagination": .object(listing.pagination(path: path, page: page, context: context)),
            "isEmpty": .bool(listing.entries.isEmpty),
            "repeats": .object(listing.repeats),
        ]
    }

    /// "Lĩnh vực … — Trang 2" for pages after the first.
    func pagedTitle(_ title: String, _ page: Int) -> String {
        page > 1 ? "\(title) — \(context.t("page")) \(page)" : title
    }

    func fieldPage(_ field: Field, page: Int) -> PageDraft {
        let path = SitePaths.field(field)
        var values = listingValues(listings.field(field.code), path: path, page: page)
        values["field"] = .object(["code": .text(field.code), "name": .text(field.name), "short": .text(field.short)])
        values["criteria"] = .list(criteriaValues(field))
        values["plan"] = .object(planCriteria)
        values["onlyIndividual"] = .bool((field.criteria[.collective] ?? "").isEmpty && !(field.criteria[.individual] ?? "").isEmpty)
        values["count"] = .int(context.model.byField[field.code]?.count ?? 0)
        values["isFirstPage"] = .bool(page == 1)
        let shell = PageShell(title: pagedTitle(field.name, page), path: SitePaths.paged(path, page),
                              description: field.criteria[.collective] ?? field.criteria[.individual] ?? "", section: "fields",
                              breadcrumbs: [(context.t("fields"), SitePaths.fields)])
        return context.page("field", values, shell: shell)
    }

    func yearPage(_ year: Int, page: Int) -> PageDraft {
        let path = SitePaths.year(year)
        var values = listingValues(listings.year(year), path: path, page: page)
        values["year"] = .int(year)
        values["quotas"] = .list(quotaValues(year))
        values["isFirstPage"] = .bool(page == 1)
        let title = "\(context.t("year")) \(year)"
        let shell = PageShell(title: pagedTitle(title, page), path: SitePaths.paged(path, page), section: "years",
                              breadcrumbs: [(context.t("years"), SitePaths.years)])
        return context.page("year", values, shell: shell)
    }

    /// The year's count of each kind selected by the department, against the plan's yearly quota.
    func quotaValues(_ year: Int) -> [TemplateObject] {
        let model = context.model
        return ProfileKind.allCases.map { kind in
            let count = model.selected(in: year, kind: kind).count
            let quota = model.schema.quotas.perYear[kind] ?? 0
            return ["kindName": .text(context.kindName(kind)), "count": .int(count), "quota": .int(quota),
                    "met": .bool(count >= quota), "hasQuota": .bool(quota > 0),
                    "percent": .int(BarWidth.percent(count, of: max(quota, count)))]
        }
    }

    func kindPage(_ kind: ProfileKind, page: Int) -> PageDraft {
        let path = SitePaths.kind(kind)
        var values = listingValues(listings.kind(kind), path: path, page: page)
        values["kindName"] = .text(context.kindName(kind))
        values["count"] = .int(context.model.byKind[kind]?.count ?? 0)
        values["columns"] = .list((context.model.schema.definition(of: kind)?.columns ?? []).compactMap(TemplateValue.text))
        let shell = PageShell(title: pagedTitle(context.kindName(kind), page), path: SitePaths.paged(path, page),
                              section: kind.rawValue)
        return context.page("kind", values, shell: shell)
    }

    func unitPage(_ unit: Unit, page: Int) -> PageDraft {
        let path = SitePaths.unit(unit.id)
        var values = listingValues(listings.unit(unit.id), path: path, page: page)
        values["unit"] = .object(["name": .text(unit.name), "level": .text(unit.level), "commune": .text(unit.commune)])
        values["count"] = .int(context.model.byUnit[unit.id]?.count ?? 0)
        values["isFirstPage"] = .bool(page == 1)
        values["annexes"] = .list(annexLinks(unit.id))
        let shell = PageShell(title: pagedTitle(unit.name, page), path: SitePaths.paged(path, page), section: "units",
                              breadcrumbs: [(context.t("units"), SitePaths.units)])
        return context.page("unit", values, shell: shell)
    }
}
