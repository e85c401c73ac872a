/// The plan's cycle and annex: Render/SiteRenderer+Programme.swift (honours), Render/SiteRenderer+Annex.swift.
extension TemplateVariables {
    static let honours = TemplateVariables("`/khen-thuong/`: the honours by year of their decision, newest first, then by form.", [
        "years": "the years that have honours",
        "years[].year": "the year",
        "years[].count": "how many honours",
        "years[].forms": "the year's honours by form, in `registration.yaml`'s order",
        "years[].forms[].form": "the form's name",
        "years[].forms[].count": "how many honours",
        "years[].forms[].rows": "the honours",
        "years[].forms[].rows[].form": "the honour's form",
        "years[].forms[].rows[].issuer": "who awarded it",
        "years[].forms[].rows[].decision": "the decision number; absent until there is one",
        "years[].forms[].rows[].date": "its date, `dd/mm/yyyy`",
        "years[].forms[].rows[].isoDate": "its date, `yyyy-mm-dd`",
        "years[].forms[].rows[].profile": .values(of: "card", "the exemplar honoured"),
        "isEmpty": "whether the site has no honour yet",
    ])

    /// The plan's values on the annex pages.
    private static let plan: [String: Meaning] = [
        "plan": "the plan the annex belongs to",
        "plan.number": "its number",
        "plan.title": "its title",
        "plan.issuer": "who issued it",
        "plan.date": "when, `dd/mm/yyyy`",
        "phase": "the plan's phase (`2021 – 2025`)",
    ]

    static let registration = TemplateVariables("`/dang-ky/`: the years of the registration annex.", plan.merging([
        "years": "the years of the phase",
        "years[].year": "the year",
        "years[].url": "the link to the year's annex",
        "years[].count": "how many exemplars it has",
    ]) { mine, _ in mine })

    static let registrationYear = TemplateVariables("`/dang-ky/<year>/`: the district's annex of a year, printable on A4.", plan.merging([
        "year": "the year",
        "tables": .values(of: "registration-table", "the annex's tables: collectives, then individuals (with a unit column)"),
    ]) { mine, _ in mine })

    static let unitAnnex = TemplateVariables("`/don-vi/<unit>/dang-ky/<year>/`: a unit's annex of a year, as the form it files.", plan.merging([
        "year": "the year",
        "unit": "the unit",
        "unit.name": "its name",
        "unit.url": "the link to its page",
        "site": "the department",
        "site.department": "its name",
        "site.identity": .values(of: "layout", at: "site.identity", "its identity: the letterhead, motto block and date line"),
        "tables": .values(of: "registration-table", "the annex's tables: collectives, then individuals"),
    ]) { mine, _ in mine })

    static let registrationTable = TemplateVariables("One table of a registration annex: a kind's exemplars, a row each.", [
        "numeral": "the table's Roman numeral (I, II)",
        "kindName": "the kind's name",
        "isIndividual": "whether it is the individuals' table",
        "columns": "the column headings (`registration.yaml`, with the unit's where the table shows it)",
        "span": "how many columns",
        "rows": .values(of: "card", "a row per exemplar: its card's values and the two below"),
        "rows[].number": "the row's number (01, 02 …)",
        "rows[].showUnit": "whether the row shows a unit column (the district's individuals)",
        "isEmpty": "whether the table has no row",
    ])
}
