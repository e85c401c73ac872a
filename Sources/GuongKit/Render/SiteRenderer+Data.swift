import Foundation

/// `du-lieu/dien-hinh.json`: every published profile with its registration columns, for the portal to reuse.
///
///     {"count":…,"department":…,"exemplars":[{"achievements":[…],"fields":[{"code","id","name"}],"kind",
///      "name","photo"?,"position"?,"registered"?,"slug","summary","unit":{"id","name"},"url","years":[…]}],
///      "phase":[from,to],"plan":…,"site":…}
///
/// Keys are sorted and absent values left out, as `JSONEncoder` with `.sortedKeys` writes them.
extension SiteRenderer {
    func dataJSON() -> [UInt8] {
        let model = context.model
        var json = JSONOutput(capacity: model.profiles.count * 1536)
        json.raw("{")
        json.key("count")
        json.int(model.profiles.count)
        json.key("department")
        json.string(model.config.department)
        json.key("exemplars")
        json.array(model.profiles) { json, profile in exemplar(profile, into: &json) }
        json.key("phase")
        json.array([model.schema.phase.lowerBound, model.schema.phase.upperBound]) { $0.int($1) }
        json.key("plan")
        json.string(model.schema.plan.number)
        json.key("site")
        json.string(model.config.title)
        json.raw("}\n")
        return json.bytes
    }

    private func exemplar(_ profile: Profile, into json: inout JSONOutput) {
        let model = context.model
        json.raw("{")
        json.key("achievements")
        json.array(profile.achievements) { $0.string($1.text) }
        json.key("fields")
        json.array(profile.fieldCodes.compactMap { context.fieldsByCode[$0] }) { json, field in
            json.raw("{")
            json.key("code")
            json.string(field.code)
                json.key("id")
            json.string(field.id)
                json.key("name")
            json.string(field.name)
            json.raw("}")
        }
        json.key("kind")
        json.string(profile.kind.rawValue)
        json.key("name")
        json.string(profile.name)
        let photo = SitePaths.photo(of: profile)
        if !photo.isEmpty {
                json.key("photo")
            json.string(context.absoluteURL(photo))
        }
        if profile.kind == .individual {
                json.key("position")
            json.string(profile.position)
        }
        if let registered = profile.registered {
                json.key("registered")
            json.string(registered.description)
        }
        json.key("slug")
        json.string(profile.slug)
        json.key("summary")
        json.string(profile.summary)
        json.key("unit")
        json.raw("{")
        json.key("id")
        json.string(profile.unitID)
        json.key("name")
        json.string(model.unitName(profile.unitID))
        json.raw("}")
        json.key("url")
        json.string(context.absoluteURL(SitePaths.profile(profile.slug)))
        json.key("years")
        json.array(profile.years) { $0.int($1) }
        json.raw("}")
    }
}
