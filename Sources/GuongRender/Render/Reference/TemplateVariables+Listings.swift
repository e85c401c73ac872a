/// The listing pages and their partials: Render/SiteRenderer+Listings.swift, Render/Listing.swift.
extension TemplateVariables {
    /// What every listing page has (`SiteRenderer.listingValues`): the `groups` partial's values.
    private static let listing: [String: Meaning] = [
        "groups": "this page's cards under their headings (a year, a field, a kind …), in the listing's order",
        "groups[].heading": "the group's heading",
        "groups[].id": "the heading as a URL segment, for an `id`",
        "groups[].subgroups": "the group's cards, under subheadings where the listing has them",
        "groups[].subgroups[].heading": "the subheading; absent where there is none",
        "groups[].subgroups[].hasHeading": "whether there is one",
        "groups[].subgroups[].items": .values(of: "card", "the cards"),
        "pagination": "links to the listing's other pages",
        "pagination.hasPages": "whether the listing has more than one page (the other values are there only then)",
        "pagination.number": "this page's number, from 1",
        "pagination.count": "how many pages the listing has",
        "pagination.previous": "the link to the page before; absent on the first",
        "pagination.next": "the link to the page after; absent on the last",
        "pagination.pages": "the first, the last and two pages on each side of this one, with a gap marker between runs",
        "pagination.pages[].number": "the page's number",
        "pagination.pages[].url": "its link",
        "pagination.pages[].current": "whether it is this page",
        "pagination.pages[].gap": "true for a gap marker (which has nothing else)",
        "isEmpty": "whether the listing has no card at all",
        "repeats": "how many cards and exemplars the listing has: an exemplar of two years or fields has a card under each",
        "repeats.any": "whether some exemplar has more than one card",
        "repeats.cards": "how many cards",
        "repeats.exemplars": "how many exemplars",
    ]

    static let groups = TemplateVariables("A listing's cards under their headings, then its pagination.", listing)

    static let pagination = TemplateVariables("Links to a listing's other pages.", inherits: "groups", [:])

    static let field = TemplateVariables("A field's listing, `/linh-vuc/<field>/` and its further pages, with the plan's criteria on the first.",
                                         inherits: "groups", [
        "field": "the field",
        "field.code": "its code in the plan (a, b, c, d, đ)",
        "field.name": "its name",
        "field.short": "its short name",
        "count": "how many exemplars are in the field",
        "criteria": "the plan's criteria for the field: one entry per distinct text",
        "criteria[].kindName": "whom the text is for: a kind's name, or both",
        "criteria[].text": "the plan's text",
        "onlyIndividual": "whether the plan gives criteria for individuals only",
        "plan": "the plan's general criteria",
        "plan.general": "the criteria every exemplar meets (`registration.yaml`)",
        "plan.reference": "where the criteria are quoted from",
        "isFirstPage": "whether this is the listing's first page",
    ])

    static let year = TemplateVariables("A year's listing, `/nam/<year>/` and its further pages, with the year's quotas on the first.",
                                        inherits: "groups", [
        "year": "the year",
        "quotas": .values(of: "quota", at: "quotas[]", "each kind's exemplars selected by the department that year, against the plan's quota"),
        "isFirstPage": "whether this is the listing's first page",
    ])

    static let kind = TemplateVariables("A kind's listing, `/tap-the/` or `/ca-nhan/`, and its further pages.", inherits: "groups", [
        "kindName": "the kind's name",
        "count": "how many exemplars are of the kind",
        "columns": "the kind's columns in the registration annex (`registration.yaml`)",
    ])

    static let unit = TemplateVariables("A unit's page, `/don-vi/<unit>/` and its further pages, with links to its annexes on the first.",
                                        inherits: "groups", [
        "unit": "the unit",
        "unit.name": "its name",
        "unit.level": "its level (Mầm non, Tiểu học …)",
        "unit.commune": "its commune",
        "count": "how many exemplars the unit has",
        "annexes": "the unit's registration annex of each year it has exemplars in",
        "annexes[].year": "the year",
        "annexes[].url": "the link to the annex",
        "isFirstPage": "whether this is the listing's first page",
    ])

    static let quota = TemplateVariables("A year's quotas: how many of each kind the department selected, against the plan.", [
        "year": "the year",
        "quotas": "one per kind",
        "quotas[].kindName": "the kind's name",
        "quotas[].count": "how many of the kind the department selected that year (at or past `selected_from`)",
        "quotas[].quota": "the plan's yearly quota for the kind",
        "quotas[].hasQuota": "whether the plan sets one",
        "quotas[].met": "whether the count reaches it",
        "quotas[].percent": "the count against the quota, in steps of 5, for the theme's `.bar-<n>`",
    ])
}
