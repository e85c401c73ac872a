extension TemplateVariables {
    /// Every template's table, by template name.
    package static let all: [String: TemplateVariables] = [
        "layout": layout,
        "card": card, "profile": profile,
        "field": field, "year": year, "kind": kind, "unit": unit, "groups": groups, "pagination": pagination, "quota": quota,
        "home": home, "fields": fields, "years": years, "units": units, "search": search, "page": page, "not-found": notFound,
        "honours": honours, "registration": registration, "registration-year": registrationYear, "unit-annex": unitAnnex,
        "registration-table": registrationTable,
        "submission": submission, "guide": guide,
    ]
}
