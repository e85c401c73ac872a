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
    /// The lead and each achievement, each cut at a word near `SearchIndex.excerptLimit` characters: what a
    /// result whose words are in them (or in the body) shows, around the first word it matched.
    var excerpts: [String]

    init(profile: Profile, tables: SearchTables) {
        excerpts = ([profile.summary] + profile.achievements.map(\.text)).map { CardSummary.of($0, limit: SearchIndex.excerptLimit) }
        name = profile.name
        slug = profile.slug == VietnameseFolding.slug(profile.name) ? "" : profile.slug
        position = profile.kind == .individual ? profile.position : ""
        kind = tables.kindIndex[profile.kind] ?? 0
        unit = tables.unitIndex[profile.unitID] ?? 0
        fields = profile.fieldCodes.compactMap { tables.fieldIndex[$0] }
        years = profile.years
    }

    /// The texts whose words the index keeps for this document of `profile`, by place, most prominent
    /// first: the name; position, unit and years; kind, fields, lead, achievements, the stages it was
    /// given and its honours (form, issuer, decision number); the body.
    func texts(of profile: Profile, tables: SearchTables) -> [(place: Place, texts: [String])] {
        var details = [position]
        if tables.unitNames.indices.contains(unit) { details.append(tables.unitNames[unit]) }
        details += years.map { String($0) }
        let stages = profile.stages.keys.sorted().compactMap { year in
            tables.stageNames.indices.contains(profile.stages[year]!) ? tables.stageNames[profile.stages[year]!] : nil
        }
        let honours = profile.honours.flatMap { [$0.formName, $0.issuer] + ($0.decision.map { [$0] } ?? []) }
        let summary = [tables.kindNames[kind]] + fields.map { tables.fieldNames[$0] } + [profile.summary]
            + profile.achievements.map(\.text) + stages + honours
        return [(.name, [Self.ownName(profile.name, unit: tables.unitNames.indices.contains(unit) ? tables.unitNames[unit] : "")]),
                (.details, details), (.summary, summary), (.body, profile.body.map(\.text))]
    }

    /// A collective's name less its unit's, which the details hold: *Tổ Toán* of *Tổ Toán Trường THCS
    /// Tân Xuân*, so the school's words do not rank its groups above its people as if they were their
    /// names. A collective that is the unit itself, and every individual, keep their whole name.
    static func ownName(_ name: String, unit: String) -> String {
        // The suffix first: most names do not end with their unit's, and counting Characters walks both.
        guard !unit.isEmpty, name.hasSuffix(unit), name.count > unit.count else { return name }
        return String(name.dropLast(unit.count))
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
    /// The names of the plan's stages (`process`), by index: a profile's `stages` point here.
    var stageNames: [String]
    var years: [Int]
    var kindIndex: [ProfileKind: Int]
    var unitIndex: [String: Int]
    var fieldIndex: [String: Int]
    /// Folded short forms and what they stand for (`SearchVocabulary`).
    var words: [(short: String, long: String)]

    init(model: SiteModel) {
        kinds = ProfileKind.allCases
        kindNames = kinds.map(model.kindName)
        unitIDs = model.units.map(\.id)
        unitNames = model.units.map(\.name)
        fieldCodes = model.schema.fields.map(\.code)
        fieldNames = model.schema.fields.map(\.name)
        stageNames = model.schema.processNames
        years = model.years
        kindIndex = Dictionary(kinds.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        unitIndex = Dictionary(unitIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        fieldIndex = Dictionary(fieldCodes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        words = SearchVocabulary.pairs(model.schema)
    }
}
