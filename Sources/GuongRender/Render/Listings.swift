import GuongKit

/// The site's grouped listings, computed once: a profile appears under each year and field it has.
package struct Listings: Sendable {
    private var byField: [String: Listing] = [:]
    private var byYear: [Int: Listing] = [:]
    private var byKind: [ProfileKind: Listing] = [:]
    private var byUnit: [String: Listing] = [:]
    private let pageSize: Int

    /// `yearLabel` is the theme's word for a year heading ("Năm").
    package init(model: SiteModel, yearLabel: String) {
        pageSize = model.config.pageSize
        let kinds = ProfileKind.allCases
        // Within a heading, profiles go by name.
        func byKindThenName(_ indices: [Int], group: String) -> [Listing.Entry] {
            kinds.flatMap { kind in
                model.sortedByName(indices.filter { model.profiles[$0].kind == kind })
                    .map { Listing.Entry(group: group, subgroup: model.kindName(kind), card: $0) }
            }
        }
        let yearsNewestFirst = model.years.reversed()
        let yearTitle = { (year: Int) in "\(yearLabel) \(year)" }

        for field in model.schema.fields {
            let members = model.byField[field.code] ?? []
            let entries = yearsNewestFirst.flatMap { year in
                byKindThenName(members.filter { model.profiles[$0].years.contains(year) }, group: yearTitle(year))
            }
            byField[field.code] = Listing(entries: entries, pageSize: pageSize)
        }
        for year in model.years {
            let members = model.byYear[year] ?? []
            let entries = model.schema.fields.flatMap { field in
                byKindThenName(members.filter { model.profiles[$0].fieldCodes.contains(field.code) }, group: field.name)
            }
            byYear[year] = Listing(entries: entries, pageSize: pageSize)
        }
        for kind in kinds {
            let members = model.byKind[kind] ?? []
            let entries = yearsNewestFirst.flatMap { year in
                model.sortedByName(members.filter { model.profiles[$0].years.contains(year) })
                    .map { Listing.Entry(group: yearTitle(year), subgroup: "", card: $0) }
            }
            byKind[kind] = Listing(entries: entries, pageSize: pageSize)
        }
        for unit in model.units {
            let members = model.byUnit[unit.id] ?? []
            let entries = yearsNewestFirst.flatMap { year in
                byKindThenName(members.filter { model.profiles[$0].years.contains(year) }, group: yearTitle(year))
            }
            byUnit[unit.id] = Listing(entries: entries, pageSize: pageSize)
        }
    }

    private var empty: Listing { Listing(entries: [], pageSize: pageSize) }

    package func field(_ code: String) -> Listing { byField[code] ?? empty }
    package func year(_ year: Int) -> Listing { byYear[year] ?? empty }
    package func kind(_ kind: ProfileKind) -> Listing { byKind[kind] ?? empty }
    package func unit(_ id: String) -> Listing { byUnit[id] ?? empty }
}
