import GuongKit

/// What the search index keeps of one profile: what a result shows, and where its words come from.
struct SearchDocument: Sendable {
    /// Where a word was found, weakest first; the script ranks a match in the name above one in the body.
    enum Place: Int, Comparable, Sendable {
        case body = 0, summary = 1, details = 2, name = 3
        static func < (a: Place, b: Place) -> Bool { a.rawValue < b.rawValue }
    }

    var name: String
    /// Empty when it is the slug of the name, which the script can fold itself.
    var slug: String
    var position: String
    /// Indices into the index's tables of kinds, units and fields.
    var kind: Int
    var unit: Int
    var fields: [Int]
    var years: [Int]

    init(profile: Profile, tables: SearchTables) {
        name = profile.name
        slug = profile.slug == VietnameseFolding.slug(profile.name) ? "" : profile.slug
        position = profile.kind == .individual ? profile.position : ""
        kind = tables.kindIndex[profile.kind] ?? 0
        unit = tables.unitIndex[profile.unitID] ?? 0
        fields = profile.fieldCodes.compactMap { tables.fieldIndex[$0] }
        years = profile.years
    }

    /// The texts whose words the index keeps for this document of `profile`, by place, most prominent first.
    func texts(of profile: Profile, tables: SearchTables) -> [(place: Place, texts: [String])] {
        var details = [position, tables.kindNames[kind]]
        if tables.unitNames.indices.contains(unit) { details.append(tables.unitNames[unit]) }
        details += fields.map { tables.fieldNames[$0] }
        details += years.map { String($0) }
        return [(.name, [profile.name]), (.details, details), (.summary, [profile.summary] + profile.achievements.map(\.text)),
                (.body, profile.body.map(\.text))]
    }
}

/// The site's kinds, units, fields and years in a fixed order; documents refer to them by index.
struct SearchTables: Sendable {
    var kinds: [ProfileKind]
    var kindNames: [String]
    var unitIDs: [String]
    var unitNames: [String]
    var fieldCodes: [String]
    var fieldNames: [String]
    var years: [Int]
    var kindIndex: [ProfileKind: Int]
    var unitIndex: [String: Int]
    var fieldIndex: [String: Int]

    init(model: SiteModel) {
        kinds = ProfileKind.allCases
        kindNames = kinds.map(model.kindName)
        unitIDs = model.units.map(\.id)
        unitNames = model.units.map(\.name)
        fieldCodes = model.schema.fields.map(\.code)
        fieldNames = model.schema.fields.map(\.name)
        years = model.years
        kindIndex = Dictionary(kinds.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        unitIndex = Dictionary(unitIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        fieldIndex = Dictionary(fieldCodes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
