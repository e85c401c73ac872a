extension SiteRenderer {
    func profilePage(_ index: Int) -> String {
        let model = context.model
        let profile = model.profiles[index]
        var values = context.cards[index].values
        values["leadHTML"] = profile.lead.map(\.html).joined()
        values["bodyHTML"] = profile.body.map(\.html).joined()
        values["hasBody"] = !profile.body.isEmpty
        values["registered"] = profile.registered?.vietnamese ?? ""
        let photoPath = SitePaths.photo(of: profile)
        if !photoPath.isEmpty {
            values["photo"] = ["url": context.url(photoPath), "alt": "\(context.t("photo_of")) \(profile.name)"]
        }
        let neighbours = (model.byUnit[profile.unitID] ?? []).filter { $0 != index }.prefix(6)
        values["related"] = neighbours.map { context.cards[$0].template }
        values["hasRelated"] = !neighbours.isEmpty
        values["fieldCriteria"] = profile.fieldCodes.compactMap { context.fieldsByCode[$0] }.map { field -> [String: Any] in
            ["name": field.name, "url": context.url(SitePaths.field(field)), "criteria": field.criteria[profile.kind] ?? ""]
        }
        let shell = PageShell(
            title: profile.name, path: SitePaths.profile(profile.slug), description: profile.summary,
            section: profile.kind.rawValue,
            breadcrumbs: [(context.kindName(profile.kind), SitePaths.kind(profile.kind))],
            ogType: "profile", image: photoPath.isEmpty ? nil : photoPath
        )
        return context.page("profile", values, shell: shell)
    }
}
