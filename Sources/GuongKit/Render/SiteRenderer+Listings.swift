extension SiteRenderer {
    /// The values every listing template shares: groups of cards, pagination, counts.
    func listingValues(_ listing: Listing, path: String, page: Int) -> [String: Any] {
        [
            "groups": listing.groups(page: page, cards: context.cards),
            "pagination": listing.pagination(path: path, page: page, context: context),
            "isEmpty": listing.entries.isEmpty,
        ]
    }

    /// "Lĩnh vực … — Trang 2" for pages after the first.
    func pagedTitle(_ title: String, _ page: Int) -> String {
        page > 1 ? "\(title) — \(context.t("page")) \(page)" : title
    }

    func fieldPage(_ field: Field, page: Int) -> String {
        let path = SitePaths.field(field)
        var values = listingValues(listings.field(field.code), path: path, page: page)
        values["field"] = ["code": field.code, "name": field.name, "short": field.short]
        values["criteria"] = ProfileKind.allCases.compactMap { kind -> [String: Any]? in
            guard let text = field.criteria[kind], !text.isEmpty else { return nil }
            return ["kindName": context.kindName(kind), "text": text]
        }
        values["count"] = context.model.byField[field.code]?.count ?? 0
        values["isFirstPage"] = page == 1
        let shell = PageShell(title: pagedTitle(field.name, page), path: SitePaths.paged(path, page),
                              description: field.criteria[.collective] ?? "", section: "fields",
                              breadcrumbs: [(context.t("fields"), SitePaths.fields)])
        return context.page("field", values, shell: shell)
    }

    func yearPage(_ year: Int, page: Int) -> String {
        let path = SitePaths.year(year)
        var values = listingValues(listings.year(year), path: path, page: page)
        values["year"] = year
        values["quotas"] = quotaValues(year)
        values["isFirstPage"] = page == 1
        let title = "\(context.t("year")) \(year)"
        let shell = PageShell(title: pagedTitle(title, page), path: SitePaths.paged(path, page), section: "years",
                              breadcrumbs: [(context.t("years"), SitePaths.years)])
        return context.page("year", values, shell: shell)
    }

    /// The year's count of each kind against the plan's yearly quota.
    func quotaValues(_ year: Int) -> [[String: Any]] {
        let model = context.model
        let members = model.byYear[year] ?? []
        return ProfileKind.allCases.map { kind in
            let count = members.count { model.profiles[$0].kind == kind }
            let quota = model.schema.quotas.perYear[kind] ?? 0
            return ["kindName": context.kindName(kind), "count": count, "quota": quota, "met": count >= quota,
                    "hasQuota": quota > 0]
        }
    }

    func kindPage(_ kind: ProfileKind, page: Int) -> String {
        let path = SitePaths.kind(kind)
        var values = listingValues(listings.kind(kind), path: path, page: page)
        values["kindName"] = context.kindName(kind)
        values["count"] = context.model.byKind[kind]?.count ?? 0
        values["columns"] = context.model.schema.definition(of: kind)?.columns ?? []
        let shell = PageShell(title: pagedTitle(context.kindName(kind), page), path: SitePaths.paged(path, page),
                              section: kind.rawValue)
        return context.page("kind", values, shell: shell)
    }

    func unitPage(_ unit: Unit, page: Int) -> String {
        let path = SitePaths.unit(unit.id)
        var values = listingValues(listings.unit(unit.id), path: path, page: page)
        values["unit"] = ["name": unit.name, "level": unit.level, "commune": unit.commune]
        values["count"] = context.model.byUnit[unit.id]?.count ?? 0
        values["isFirstPage"] = page == 1
        values["registration"] = registrationTables(context.model.byUnit[unit.id] ?? [])
        let shell = PageShell(title: pagedTitle(unit.name, page), path: SitePaths.paged(path, page), section: "units",
                              breadcrumbs: [(context.t("units"), SitePaths.units)])
        return context.page("unit", values, shell: shell)
    }
}
