extension SiteRenderer {
    func fieldsIndexPage() -> String {
        let model = context.model
        let fields = model.schema.fields.map { field -> [String: Any] in
            [
                "code": field.code, "name": field.name, "url": context.url(SitePaths.field(field)),
                "count": model.byField[field.code]?.count ?? 0,
                "criteria": ProfileKind.allCases.compactMap { kind -> [String: Any]? in
                    guard let text = field.criteria[kind], !text.isEmpty else { return nil }
                    return ["kindName": context.kindName(kind), "text": text]
                },
            ]
        }
        let shell = PageShell(title: context.t("fields"), path: SitePaths.fields, section: "fields")
        return context.page("fields", ["fields": fields], shell: shell)
    }

    func yearsIndexPage() -> String {
        let model = context.model
        let years = model.years.reversed().map { year -> [String: Any] in
            ["year": year, "url": context.url(SitePaths.year(year)), "count": model.byYear[year]?.count ?? 0,
             "quotas": quotaValues(year)]
        }
        let milestones = model.schema.milestones.map { ["date": $0.date.vietnamese, "name": $0.name] }
        let shell = PageShell(title: context.t("years"), path: SitePaths.years, section: "years")
        return context.page("years", ["years": years, "milestones": milestones, "hasMilestones": !milestones.isEmpty], shell: shell)
    }

    func unitsIndexPage() -> String {
        let model = context.model
        var levels: [String] = []
        for unit in model.units where !levels.contains(unit.level) { levels.append(unit.level) }
        let groups = levels.map { level -> [String: Any] in
            let units = model.units.filter { $0.level == level }
                .sorted { VietnameseFolding.key($0.name) < VietnameseFolding.key($1.name) }
                .map { unit -> [String: Any] in
                    ["name": unit.name, "commune": unit.commune, "url": context.url(SitePaths.unit(unit.id)),
                     "count": model.byUnit[unit.id]?.count ?? 0]
                }
            return ["level": level, "id": VietnameseFolding.slug(level), "units": units, "count": units.count]
        }
        let shell = PageShell(title: context.t("units"), path: SitePaths.units, section: "units")
        return context.page("units", ["levels": groups], shell: shell)
    }

    func registrationPage() -> String {
        let model = context.model
        let years = model.years.map { year -> [String: Any] in
            ["year": year, "tables": registrationTables(model.byYear[year] ?? [])]
        }
        let plan = model.schema.plan
        let values: [String: Any] = [
            "years": years,
            "plan": ["number": plan.number, "title": plan.title, "issuer": plan.issuer, "date": plan.date?.vietnamese ?? ""],
            "phase": "\(model.schema.phase.lowerBound)–\(model.schema.phase.upperBound)",
        ]
        let shell = PageShell(title: context.t("registration_title"), path: SitePaths.registration, section: "registration")
        return context.page("registration", values, shell: shell)
    }

    /// The annex's two tables (I. TẬP THỂ, II. CÁ NHÂN) for some profiles, numbered from 1.
    func registrationTables(_ indices: [Int]) -> [[String: Any]] {
        let model = context.model
        let numerals = ["I", "II", "III", "IV"]
        return ProfileKind.allCases.enumerated().map { position, kind in
            let members = indices.filter { model.profiles[$0].kind == kind }
                .sorted { (model.nameKeys[$0], $0) < (model.nameKeys[$1], $1) }
            let rows = members.enumerated().map { number, index -> TemplateValue in
                var row = context.cards[index].templateValues
                row["number"] = .int(number + 1)
                return .object(row)
            }
            return ["numeral": numerals[min(position, numerals.count - 1)], "kindName": context.kindName(kind),
                    "isIndividual": kind == .individual, "rows": rows, "isEmpty": rows.isEmpty,
                    "columns": model.schema.definition(of: kind)?.columns ?? []]
        }
    }

    func searchPage() -> String {
        let model = context.model
        let values: [String: Any] = [
            "fields": model.schema.fields.map { ["code": $0.code, "name": $0.name, "url": context.url(SitePaths.field($0))] },
            "years": model.years.map { ["year": $0, "url": context.url(SitePaths.year($0))] },
            "kinds": ProfileKind.allCases.map { ["id": $0.rawValue, "name": context.kindName($0), "url": context.url(SitePaths.kind($0))] },
            "units": model.units.map { ["id": $0.id, "name": $0.name] },
            "unitsURL": context.url(SitePaths.units),
            "fieldsURL": context.url(SitePaths.fields),
            "yearsURL": context.url(SitePaths.years),
            "indexURL": context.url(SearchIndex.directory),
            "profileURL": context.url(SitePaths.profile("{slug}")),
        ]
        var shell = PageShell(title: context.t("search"), path: SitePaths.search, section: "search")
        shell.usesSearch = true
        return context.page("search", values, shell: shell)
    }

    func freePage(_ page: Page) -> String {
        let shell = PageShell(title: page.title, path: SitePaths.page(page.slug), description: page.summary, section: "page-" + page.slug)
        return context.page("page", ["title": page.title, "html": page.html], shell: shell)
    }

    func notFoundPage() -> String {
        var shell = PageShell(title: context.t("not_found_title"), path: SitePaths.notFound)
        shell.noIndex = true
        return context.page("not-found", [:], shell: shell)
    }
}
