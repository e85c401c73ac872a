/// The form and the guide: Render/SiteRenderer+Submission.swift.
extension TemplateVariables {
    static let submission = TemplateVariables("`/gui-ho-so/`: the form that makes a profile file in the reader's browser (`form.js`).", [
        "kinds": "the kinds, individuals first",
        "kinds[].id": "`individual` or `collective` (the `kind` key's value)",
        "kinds[].name": "the kind's name",
        "kinds[].isIndividual": "whether it is individuals (checked by default)",
        "units": "the units",
        "units[].id": "the unit's id",
        "units[].name": "its name",
        "fields": "the fields, in the plan's order",
        "fields[].code": "the field's code",
        "fields[].id": "its id",
        "fields[].name": "its name",
        "fields[].collective": "the plan's criteria for collectives",
        "fields[].individual": "the plan's criteria for individuals",
        "fields[].individualsOnly": "whether the plan gives its criteria for individuals only (a collective in it is warned)",
        "years": "the years of the phase",
        "years[].year": "the year",
        "phase": "the plan's phase (`2021–2025`)",
        "data": "the site's rules as JSON for `form.js` (units, fields, years, photo types, invisible characters, messages)",
        "contact": .values(of: "layout", at: "site.identity", "the department's contacts, where to send the file"),
        "guideURL": "the link to the guide",
    ])

    static let guide = TemplateVariables("`/huong-dan/`: the guide for schools (`theme/guide/gui-ho-so.md`) and the blank profiles.", [
        "title": "the guide's `# title`",
        "html": "the rest of the guide, rendered by cmark in safe mode",
        "submissionURL": "the link to the form",
        "templates": "the blank profiles `guong new` writes, individuals first",
        "templates[].name": "the kind's name",
        "templates[].url": "the link to the file",
        "templates[].file": "the file's name",
        "contact": .values(of: "layout", at: "site.identity", "the department's contacts"),
    ])
}
