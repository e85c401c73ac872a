/// Home, the indexes, search and the free pages: Render/SiteRenderer+Home.swift, Render/SiteRenderer+Indexes.swift.
extension TemplateVariables {
    static let home = TemplateVariables("The home page: the programme, its figures, the newest exemplars and the ways in.", [
        "department": "the department's name",
        "description": "the site's description",
        "phase": "the plan's phase (`2021–2025`)",
        "plan": "the plan",
        "plan.number": "its number",
        "plan.title": "its title",
        "process": "the steps of the plan's process, in order",
        "process[].number": "the step's number, from 1",
        "process[].name": "its name",
        "intro": "the first free page, introducing the programme; empty without free pages",
        "intro.title": "its title",
        "intro.summary": "its summary as plain text",
        "intro.url": "its link",
        "hasIntro": "whether there is one",
        "figures": "the site's figures",
        "figures.total": "how many exemplars the site publishes",
        "figures.kinds": "per kind",
        "figures.kinds[].name": "the kind's name",
        "figures.kinds[].count": "how many exemplars",
        "figures.kinds[].url": "the link to the kind's listing",
        "figures.fields": "per field, in the plan's order",
        "figures.fields[].code": "the field's code",
        "figures.fields[].name": "its name",
        "figures.fields[].short": "its short name",
        "figures.fields[].count": "how many exemplars",
        "figures.fields[].url": "the link to the field's listing",
        "figures.fields[].percent": "the count against the largest field's, in steps of 5, for the theme's `.bar-<n>`",
        "figures.years": "per year of the phase",
        "figures.years[].year": "the year",
        "figures.years[].count": "how many exemplars",
        "figures.years[].url": "the link to the year's listing",
        "figures.years[].percent": "the count against the largest year's, in steps of 5",
        "newest": .values(of: "card", "the six newest exemplars"),
        "hasNewest": "whether the site has any exemplar",
        "fieldsURL": "the link to the fields",
        "yearsURL": "the link to the years",
        "unitsURL": "the link to the units",
        "registrationURL": "the link to the registration annex",
        "honoursURL": "the link to the honours",
        "searchURL": "the link to the search page",
    ])

    static let fields = TemplateVariables("`/linh-vuc/`: the plan's fields with their criteria.", [
        "fields": "the fields, in the plan's order",
        "fields[].code": "the field's code",
        "fields[].name": "its name",
        "fields[].url": "the link to its listing",
        "fields[].count": "how many exemplars are in it",
        "fields[].criteria": "the plan's criteria: one entry per distinct text",
        "fields[].criteria[].kindName": "whom the text is for: a kind's name, or both",
        "fields[].criteria[].text": "the plan's text",
        "plan": "the plan's general criteria",
        "plan.general": "the criteria every exemplar meets",
        "plan.reference": "where the criteria are quoted from",
    ])

    static let years = TemplateVariables("`/nam/`: the years of the phase, newest first, with their quotas, and the plan's milestones.", [
        "years": "the years",
        "years[].year": "the year",
        "years[].url": "the link to its listing",
        "years[].count": "how many exemplars it has",
        "years[].quotas": .values(of: "quota", at: "quotas[]", "each kind's exemplars selected by the department, against the plan's quota"),
        "milestones": "the plan's milestones (`registration.yaml`)",
        "milestones[].date": "the date, `dd/mm/yyyy`",
        "milestones[].name": "what happens then",
        "hasMilestones": "whether there are any",
    ])

    static let units = TemplateVariables("`/don-vi/`: the units by level.", [
        "levels": "the levels, in `units.yaml`'s order",
        "levels[].level": "the level's name",
        "levels[].id": "the level as a URL segment, for an `id`",
        "levels[].count": "how many units it has",
        "levels[].units": "its units, by name",
        "levels[].units[].name": "the unit's name",
        "levels[].units[].commune": "its commune",
        "levels[].units[].url": "the link to its page",
        "levels[].units[].count": "how many exemplars it has",
    ])

    static let search = TemplateVariables("`/tim-kiem/`: the search form, which `search.js` drives, and its filters.", [
        "indexURL": "the link to the search index's folder",
        "profileURL": "a profile's link with `{slug}` in place of its slug",
        "fields": "the fields, for the filter",
        "fields[].code": "the field's code",
        "fields[].name": "its name",
        "fields[].url": "the link to its listing",
        "years": "the years, for the filter",
        "years[].year": "the year",
        "years[].url": "the link to its listing",
        "kinds": "the kinds, for the filter",
        "kinds[].id": "`collective` or `individual`",
        "kinds[].name": "the kind's name",
        "kinds[].url": "the link to its listing",
        "units": "the units, for the filter",
        "units[].id": "the unit's id",
        "units[].name": "its name",
        "fieldsURL": "the link to the fields (for readers without JavaScript)",
        "yearsURL": "the link to the years",
        "unitsURL": "the link to the units",
    ])

    static let page = TemplateVariables("A free page from `content/pages/`, `/<file name>/`.", [
        "title": "the page's title",
        "html": "its Markdown, rendered by cmark in safe mode",
    ])

    static let notFound = TemplateVariables("`/404.html`, for the portal to show for a missing page: nothing but the UI strings.", [:])
}
