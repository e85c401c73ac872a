import GuongKit

/// A list of profile cards under headings (year, field, kind …), cut into pages of the site's page size.
package struct Listing {
    package struct Entry {
        package var group: String
        package var subgroup: String
        package var card: Int
    }

    package private(set) var entries: [Entry]
    package var pageSize: Int
    /// How many distinct profiles the entries show, counted once: every page of the listing says it.
    private(set) var exemplars: Int

    package init(entries: [Entry], pageSize: Int) {
        self.entries = entries
        self.pageSize = pageSize
        exemplars = Set(entries.map(\.card)).count
    }

    /// Pages of `pageSize` entries; a single entry left over joins the page before it instead of
    /// standing alone on a last page.
    package var pageCount: Int {
        let pages = max(1, (entries.count + pageSize - 1) / pageSize)
        return pages > 1 && entries.count % pageSize == 1 ? pages - 1 : pages
    }

    /// The indices of `entries` on page `number` (1-based): `pageSize` of them, the last page's one more
    /// when a single entry would otherwise be left over.
    package func entryRange(page number: Int) -> Range<Int> {
        let start = min((number - 1) * pageSize, entries.count)
        let end = number == pageCount ? entries.count : min(start + pageSize, entries.count)
        return start..<max(start, end)
    }

    /// The page (1-based) that shows entry `index`.
    package func page(ofEntry index: Int) -> Int { min(index / pageSize + 1, pageCount) }

    /// The entries of page `number` (1-based), grouped consecutively for the template.
    func groups(page number: Int, cards: [Card]) -> [TemplateObject] {
        let slice = entries[entryRange(page: number)]
        var groups: [TemplateObject] = []
        var currentGroup: String?
        var subgroups: [TemplateObject] = []
        var currentSubgroup: String?
        var items: [TemplateValue] = []

        func closeSubgroup() {
            if let currentSubgroup {
                subgroups.append(["heading": .text(currentSubgroup), "hasHeading": .bool(!currentSubgroup.isEmpty), "items": .list(items)])
            }
            items = []
        }
        func closeGroup() {
            closeSubgroup()
            if let currentGroup {
                groups.append(["heading": .text(currentGroup), "id": .text(VietnameseFolding.slug(currentGroup)),
                               "subgroups": .list(subgroups)])
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
    func pagination(path: String, page number: Int, context: RenderContext) -> TemplateObject {
        guard pageCount > 1 else { return ["hasPages": .bool(false)] }
        // The first, the last and two on each side of the current page, with a gap marker between runs,
        // so a 500-page listing does not put 500 links on each of its pages.
        let shown = Set([1, pageCount] + Array(max(1, number - 2)...min(pageCount, number + 2))).sorted()
        var pages: [TemplateObject] = []
        for (position, index) in shown.enumerated() {
            if position > 0, index - shown[position - 1] > 1 { pages.append(["gap": .bool(true)]) }
            pages.append(["number": .int(index), "url": .text(context.url(SitePaths.paged(path, index))), "current": .bool(index == number)])
        }
        var values: TemplateObject = ["hasPages": .bool(true), "pages": .list(pages), "number": .int(number), "count": .int(pageCount)]
        if number > 1 { values["previous"] = .text(context.url(SitePaths.paged(path, number - 1))) }
        if number < pageCount { values["next"] = .text(context.url(SitePaths.paged(path, number + 1))) }
        return values
    }
}
