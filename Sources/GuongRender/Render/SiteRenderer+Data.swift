import Foundation
import GuongKit

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
        json.field("department", model.config.department)
        json.key("exemplars")
        json.array(model.profiles) { json, profile in exemplar(profile, into: &json) }
        json.key("phase")
        json.array([model.schema.phase.lowerBound, model.schema.phase.upperBound]) { $0.int($1) }
        json.field("plan", model.schema.plan.number)
        json.field("site", model.config.title)
        json.raw("}\n")
        return json.bytes
    }

    private func exemplar(_ profile: Profile, into json: inout JSONOutput) {
        json.raw("{")
        json.key("achievements")
        json.array(profile.achievements) { $0.string($1.text) }
        json.key("fields")
        json.array(profile.fieldCodes.compactMap { context.fieldsByCode[$0] }) { json, field in
            json.raw("{")
            json.field("code", field.code)
            json.field("id", field.id)
            json.field("name", field.name)
            json.raw("}")
        }
        json.field("kind", profile.kind.rawValue)
        json.field("name", profile.name)
        let photo = SitePaths.photo(of: profile)
        if !photo.isEmpty { json.field("photo", context.absoluteURL(photo)) }
        if profile.kind == .individual { json.field("position", profile.position) }
        if let registered = profile.registered { json.field("registered", registered.description) }
        json.field("slug", profile.slug)
        json.field("summary", profile.summary)
        json.key("unit")
        json.raw("{")
        json.field("id", profile.unitID)
        json.field("name", context.model.unitName(profile.unitID))
        json.raw("}")
        json.field("url", context.absoluteURL(SitePaths.profile(profile.slug)))
        json.key("years")
        json.array(profile.years) { $0.int($1) }
        json.raw("}")
    }
}
