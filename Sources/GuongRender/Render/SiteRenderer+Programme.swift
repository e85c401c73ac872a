import GuongKit

/// The plan's cycle on the pages: a profile's stage, honours and spread, and `/khen-thuong/`.
extension SiteRenderer {
    /// The stage per year, honours and spread of a profile, for its page.
    func programmeValues(_ profile: Profile) -> TemplateObject {
        let model = context.model
        let stages = profile.years.map { year -> TemplateObject in
            let stage = profile.stage(in: year)
            return ["year": .int(year), "name": .text(model.schema.process[safe: stage]?.name ?? ""),
                    "selected": .bool(stage >= model.schema.selectedFrom)]
        }
        let spread = profile.spread.map { item -> TemplateObject in
            ["unitName": .text(model.unitName(item.unitID)), "unitURL": .text(context.url(SitePaths.unit(item.unitID))),
             "year": .text(item.year.map(String.init) ?? ""), "result": .text(item.result)]
        }
        // The plan judges a head of unit with the unit's collective criteria: show the unit's own collective
        // profile (the school as a whole first, then its other collectives) and those criteria.
        let isHead = model.isHead(profile)
        let unitName = model.unitName(profile.unitID)
        let profiles = model.profiles
        // The unit's own indices are in order: those named as the unit first, then the others.
        let unitCollectives = isHead ? (model.byUnit[profile.unitID] ?? []).filter { profiles[$0].kind == .collective } : []
        let collectives = unitCollectives.filter { profiles[$0].name == unitName } + unitCollectives.filter { profiles[$0].name != unitName }
        let headCriteria = isHead ? profile.fieldCodes.compactMap { context.fieldsByCode[$0] }.compactMap { field -> TemplateObject? in
            guard let text = field.criteria[.collective], !text.isEmpty else { return nil }
            return ["name": .text(field.name), "url": .text(context.url(SitePaths.field(field))), "criteria": .text(text)]
        } : []
        return ["isHead": .bool(isHead), "unitCollectives": .list(collectives.map { context.cards[$0].template }),
                "hasUnitCollectives": .bool(!collectives.isEmpty), "headCriteria": .list(headCriteria),
                "criteriaReference": .text(model.schema.criteriaReference ?? ""),
                "stages": .list(stages), "honours": .list(profile.honours.map(honourValues)), "hasHonours": .bool(!profile.honours.isEmpty),
                "spread": .list(spread), "hasSpread": .bool(!spread.isEmpty)]
    }

    func honourValues(_ honour: Profile.Honour) -> TemplateObject {
        ["form": .text(honour.formName), "issuer": .text(honour.issuer), "decision": .text(honour.decision ?? ""),
         "date": .text(honour.date.vietnamese), "isoDate": .text(honour.date.description)]
    }

    /// `/khen-thuong/`: honours by year (of their decision), then by form.
    func honoursPage() -> PageDraft {
        let model = context.model
        let all = model.honours
        let years = model.years.reversed().compactMap { year -> TemplateObject? in
            let ofYear = all.filter { $0.honour.date.year == year }
            guard !ofYear.isEmpty else { return nil }
            let forms = model.schema.honourForms.compactMap { form -> TemplateObject? in
                let rows = ofYear.filter { $0.honour.formID == form.id }
                guard !rows.isEmpty else { return nil }
                return ["form": .text(form.name), "count": .int(rows.count), "rows": .list(rows.map { row -> TemplateValue in
                    var values = honourValues(row.honour)
                    values["profile"] = context.cards[row.profile].template
                    return .object(values)
                })]
            }
            return ["year": .int(year), "count": .int(ofYear.count), "forms": .list(forms)]
        }
        let shell = PageShell(title: context.t("honours_title"), path: SitePaths.honours, section: "honours")
        return context.page("honours", ["years": .list(years), "isEmpty": .bool(all.isEmpty)], shell: shell)
    }
}

/// The plan's criteria as quoted on field pages: one entry per distinct text (the plan gives field d and đ
/// one text for collectives and individuals alike), and a note where a kind has none.
extension SiteRenderer {
    func criteriaValues(_ field: Field) -> [TemplateObject] {
        let collective = field.criteria[.collective] ?? "", individual = field.criteria[.individual] ?? ""
        if !collective.isEmpty, collective == individual {
            return [["kindName": .text(context.t("criteria_both")), "text": .text(collective)]]
        }
        return ProfileKind.allCases.compactMap { kind -> TemplateObject? in
            guard let text = field.criteria[kind], !text.isEmpty else { return nil }
            return ["kindName": .text(context.kindName(kind)), "text": .text(text)]
        }
    }

    /// The general criteria and where the criteria are quoted from, as `registration.yaml` states them.
    var planCriteria: TemplateObject {
        let schema = context.model.schema
        return ["general": .text(schema.generalCriteria ?? ""), "reference": .text(schema.criteriaReference ?? "")]
    }
}
