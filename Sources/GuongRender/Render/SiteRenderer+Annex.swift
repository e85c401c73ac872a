import GuongKit

/// The plan's annex on the site: the district's table per year (`/dang-ky/<year>/`, with `/dang-ky/` leading
/// to the years) and each unit's own form per year (`/don-vi/<unit>/dang-ky/<year>/`), printable on A4.
extension SiteRenderer {
    /// The annex's two tables (I. TẬP THỂ, II. CÁ NHÂN); `showUnit` adds a unit column to the individuals'.
    func annexTables(_ annex: Annex, showUnit: Bool) -> [TemplateObject] {
        let numerals = ["I", "II", "III", "IV"]
        return annex.tables.enumerated().map { position, table -> TemplateObject in
            let withUnit = showUnit && table.kind == .individual
            var columns = table.columns
            if withUnit { columns.insert(context.t("unit"), at: min(2, columns.count)) }
            let rows = table.rows.map { row -> TemplateValue in
                let values: TemplateObject = ["number": .text(row.number), "showUnit": .bool(withUnit)]
                return .object(values.extending(context.cards[row.profile].object))
            }
            return ["numeral": .text(numerals[min(position, numerals.count - 1)]), "kindName": .text(context.kindName(table.kind)),
                    "isIndividual": .bool(table.kind == .individual), "rows": .list(rows), "isEmpty": .bool(rows.isEmpty),
                    "span": .int(columns.count), "columns": .list(columns.compactMap(TemplateValue.text))]
        }
    }

    var planValues: TemplateObject {
        let plan = context.model.schema.plan
        return ["number": .text(plan.number), "title": .text(plan.title), "issuer": .text(plan.issuer), "date": .text(plan.date?.vietnamese ?? "")]
    }

    var phaseText: String { "\(context.model.schema.phase.lowerBound) – \(context.model.schema.phase.upperBound)" }

    func registrationPage() -> PageDraft {
        let model = context.model
        let years = model.years.map { year -> TemplateObject in
            ["year": .int(year), "url": .text(context.url(SitePaths.registrationYear(year))), "count": .int(model.byYear[year]?.count ?? 0)]
        }
        let shell = PageShell(title: context.t("registration_title"), path: SitePaths.registration, section: "registration")
        return context.page("registration", ["years": .list(years), "plan": .object(planValues), "phase": .text(phaseText)], shell: shell)
    }

    func registrationYearPage(_ year: Int) -> PageDraft {
        let values: TemplateObject = ["year": .int(year), "plan": .object(planValues), "phase": .text(phaseText),
                                      "tables": .list(annexTables(context.model.annex(year: year), showUnit: true))]
        let shell = PageShell(title: "\(context.t("registration_title")) \(context.t("year").lowercased()) \(year)",
                              path: SitePaths.registrationYear(year), section: "registration",
                              breadcrumbs: [(context.t("registration"), SitePaths.registration)])
        return context.page("registration-year", values, shell: shell)
    }

    func unitAnnexPage(_ unit: Unit, year: Int) -> PageDraft {
        let values: TemplateObject = [
            "year": .int(year), "plan": .object(planValues), "phase": .text(phaseText),
            "site": .object(["department": .text(context.model.config.department), "identity": context.model.config.identity.templateValue]),
            "unit": .object(["name": .text(unit.name), "url": .text(context.url(SitePaths.unit(unit.id)))]),
            "tables": .list(annexTables(context.model.annex(year: year, unit: unit.id), showUnit: false)),
        ]
        let shell = PageShell(title: "\(context.t("registration_title")) \(year) — \(unit.name)",
                              path: SitePaths.unitAnnex(unit.id, year), section: "units",
                              breadcrumbs: [(context.t("units"), SitePaths.units), (unit.name, SitePaths.unit(unit.id))])
        return context.page("unit-annex", values, shell: shell)
    }

    /// Links to a unit's annex pages, for its page.
    func annexLinks(_ unitID: String) -> [TemplateObject] {
        context.model.annexYears(unit: unitID).map { year -> TemplateObject in
            ["year": .int(year), "url": .text(context.url(SitePaths.unitAnnex(unitID, year)))]
        }
    }
}
