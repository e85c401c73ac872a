/// A list of profile cards under headings (year, field, kind …), cut into pages of the site's page size.
struct Listing {
    struct Entry {
        var group: String
        var subgroup: String
        var card: Int
    }

    var entries: [Entry]
    var pageSize: Int

    var pageCount: Int { max(1, (entries.count + pageSize - 1) / pageSize) }

    /// The entries of page `number` (1-based), grouped consecutively for the template.
    func groups(page number: Int, cards: [Card]) -> [[String: Any]] {
        let start = (number - 1) * pageSize
        let slice = entries[min(start, entries.count)..<min(start + pageSize, entries.count)]
        var groups: [[String: Any]] = []
        var currentGroup: String?
        var subgroups: [[String: Any]] = []
        var currentSubgroup: String?
        var items: [TemplateValue] = []

        func closeSubgroup() {
            if let currentSubgroup { subgroups.append(["heading": currentSubgroup, "hasHeading": !currentSubgroup.isEmpty, "items": items]) }
            items = []
        }
        func closeGroup() {
            closeSubgroup()
            if let currentGroup {
                groups.append(["heading": currentGroup, "id": VietnameseFolding.slug(currentGroup), "subgroups": subgroups])
            }
            subgroups = []
            currentSubgroup = nil
        }
        for entry in slice {
            if entry.group != currentGroup {
                closeGroup()
                currentGroup = entry.group
            }
            if entry.subgroup != currentSubgroup {
                closeSubgroup()
                currentSubgroup = entry.subgroup
            }
            items.append(cards[entry.card].template)
        }
        closeGroup()
        return groups
    }

    /// Links to the other pages of the listing at `path`, for the pagination partial.
    func pagination(path: String, page number: Int, context: RenderContext) -> [String: Any] {
        guard pageCount > 1 else { return ["hasPages": false] }
        // The first, the last and two on each side of the current page, with a gap marker between runs,
        // so a 500-page listing does not put 500 links on each of its pages.
        let shown = Set([1, pageCount] + Array(max(1, number - 2)...min(pageCount, number + 2))).sorted()
        var pages: [[String: Any]] = []
        for (position, index) in shown.enumerated() {
            if position > 0, index - shown[position - 1] > 1 { pages.append(["gap": true]) }
            pages.append(["number": index, "url": context.url(SitePaths.paged(path, index)), "current": index == number])
        }
        var values: [String: Any] = ["hasPages": true, "pages": pages, "number": number, "count": pageCount]
        if number > 1 { values["previous"] = context.url(SitePaths.paged(path, number - 1)) }
        if number < pageCount { values["next"] = context.url(SitePaths.paged(path, number + 1)) }
        return values
    }
}
