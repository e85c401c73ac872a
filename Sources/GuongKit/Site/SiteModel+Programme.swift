/// Where the published exemplars stand in the plan's cycle: what the quotas count, shared by the site's
/// pages and `guong report` so the two always agree.
extension SiteModel {
    /// Whether the profile at `index` had been selected by the department (`selected_from` or later) in `year`.
    public func isSelected(_ index: Int, in year: Int) -> Bool {
        profiles[index].years.contains(year) && profiles[index].stage(in: year) >= schema.selectedFrom
    }

    /// Profiles of `kind` selected by the department in `year`, in the model's order.
    public func selected(in year: Int, kind: ProfileKind) -> [Int] {
        (byYear[year] ?? []).filter { profiles[$0].kind == kind && isSelected($0, in: year) }
    }

    /// Profiles selected in any year of `years`, each once.
    public func selected(inAnyOf years: ClosedRange<Int>) -> [Int] {
        profiles.indices.filter { index in years.contains { isSelected(index, in: $0) } }
    }

    /// Profiles newest first by when they were last honoured or registered, then by the model's order
    /// (latest year first): the "mới nhất" of the home page and the feed.
    public var newestFirst: [Int] {
        // Each profile's date once, then the indices sorted by it: a comparison that read two profiles
        // copied both (every field retained and released) about N log N times.
        let dates = profiles.map { $0.newestDate ?? SimpleDate(year: $0.years.last ?? 0, month: 1, day: 1) }
        return profiles.indices.sorted { a, b in dates[a] != dates[b] ? dates[a] > dates[b] : a < b }
    }

    /// Every honour of the published profiles with its profile, by date, then form, then profile order.
    public var honours: [(profile: Int, honour: Profile.Honour)] {
        profiles.indices.flatMap { index in profiles[index].honours.map { (index, $0) } }
            .sorted { ($0.honour.date, $0.honour.formID, $0.profile) < ($1.honour.date, $1.honour.formID, $1.profile) }
    }
}
