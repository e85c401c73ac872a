import Foundation

/// `du-lieu/dien-hinh.json`: every published profile with its registration columns, for the portal to reuse.
struct ExemplarData: Encodable {
    struct Exemplar: Encodable {
        struct UnitRef: Encodable { var id: String, name: String }
        struct FieldRef: Encodable { var code: String, id: String, name: String }
        var slug: String
        var url: String
        var kind: String
        var name: String
        var position: String?
        var unit: UnitRef
        var fields: [FieldRef]
        var years: [Int]
        var registered: String?
        var summary: String
        var achievements: [String]
        var photo: String?
    }
    var site: String
    var department: String
    var plan: String
    var phase: [Int]
    var count: Int
    var exemplars: [Exemplar]
}

extension SiteRenderer {
    func dataJSON() throws -> Data {
        let model = context.model
        let exemplars = model.profiles.map { profile in
            let photo = SitePaths.photo(of: profile)
            return ExemplarData.Exemplar(
                slug: profile.slug,
                url: context.absoluteURL(SitePaths.profile(profile.slug)),
                kind: profile.kind.rawValue,
                name: profile.name,
                position: profile.kind == .individual ? profile.position : nil,
                unit: .init(id: profile.unitID, name: model.unitName(profile.unitID)),
                fields: profile.fieldCodes.compactMap { context.fieldsByCode[$0] }.map { .init(code: $0.code, id: $0.id, name: $0.name) },
                years: profile.years,
                registered: profile.registered?.description,
                summary: profile.summary,
                achievements: profile.achievements.map(\.text),
                photo: photo.isEmpty ? nil : context.absoluteURL(photo)
            )
        }
        let data = ExemplarData(site: model.config.title, department: model.config.department, plan: model.schema.plan.number,
                                phase: [model.schema.phase.lowerBound, model.schema.phase.upperBound],
                                count: exemplars.count, exemplars: exemplars)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(data) + Data("\n".utf8)
    }
}
