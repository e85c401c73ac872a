/// The published site as the pages see it: the profiles that go out, and their indexes by field,
/// year, kind and unit, all in a fixed order so output is deterministic.
public struct SiteModel: Sendable {
    public var config: SiteConfig
    public var schema: RegistrationSchema
    public var units: [Unit]
    public var pages: [Page]
    /// Published profiles, newest year first, then by name.
    public var profiles: [Profile]
    /// Each profile's name folded for sorting (`VietnameseFolding.key`), in `profiles` order.
    public var nameKeys: [String]

    public var unitsByID: [String: Unit]
    /// Indexes into `profiles`.
    public var byField: [String: [Int]]
    public var byYear: [Int: [Int]]
    public var byKind: [ProfileKind: [Int]]
    public var byUnit: [String: [Int]]
    /// The positions of individuals that head their unit (`RegistrationSchema.isHead`), each judged once.
    public var headPositions: Set<String>

    /// Builds the model from checked content; drafts are left out unless `includeDrafts`.
    public init(config: SiteConfig, schema: RegistrationSchema, units: [Unit], pages: [Page],
                profiles: [Profile], includeDrafts: Bool) {
        self.config = config
        self.schema = schema
        self.units = units
        self.pages = pages
        // Keys (a fold of each name) on every core; then indexes are sorted, not whole profiles.
        let kept = profiles.filter { includeDrafts || !$0.draft }
        let keys = kept.parallelMap(SortKey.init)
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        self.profiles = order.map { kept[$0] }
        nameKeys = order.map { keys[$0].name }
        unitsByID = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var byField: [String: [Int]] = [:], byYear: [Int: [Int]] = [:]
        var byKind: [ProfileKind: [Int]] = [:], byUnit: [String: [Int]] = [:]
        // By index: binding each profile copied it, every field retained and released, on one core.
        for index in self.profiles.indices {
            for code in self.profiles[index].fieldCodes { byField[code, default: []].append(index) }
            for year in self.profiles[index].years { byYear[year, default: []].append(index) }
            byKind[self.profiles[index].kind, default: []].append(index)
            byUnit[self.profiles[index].unitID, default: []].append(index)
        }
        self.byField = byField
        self.byYear = byYear
        self.byKind = byKind
        self.byUnit = byUnit
        let individuals = byKind[.individual] ?? []
        headPositions = schema.headPositions(among: individuals.lazy.map { [profiles = self.profiles] in profiles[$0].position })
    }

    /// Whether `profile` is an individual who heads the unit, judged with the unit's collective criteria.
    public func isHead(_ profile: Profile) -> Bool {
        profile.kind == .individual && headPositions.contains(profile.position)
    }

    /// The years of the phase, in order.
    public var years: [Int] { Array(schema.phase) }

    /// `indices` by folded name (`nameKeys`), then by index: how an annex table and a listing's heading order
    /// their profiles.
    package func sortedByName(_ indices: [Int]) -> [Int] {
        // The keys read once: a comparison that named the model's property copied the whole model at every call.
        let keys = nameKeys
        return indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
    }

    public func unitName(_ id: String) -> String { unitsByID[id]?.name ?? id }

    /// Newest year first; within a year, collectives then individuals, then by folded name, then slug.
    struct SortKey: Comparable, Sendable {
        let year: Int, kind: Int, name: String, slug: String
        init(_ profile: Profile) {
            year = -(profile.years.last ?? 0)
            kind = profile.kind == .collective ? 0 : 1
            name = VietnameseFolding.key(profile.name)
            slug = profile.slug
        }
        static func < (a: SortKey, b: SortKey) -> Bool { (a.year, a.kind, a.name, a.slug) < (b.year, b.kind, b.name, b.slug) }
    }
}
