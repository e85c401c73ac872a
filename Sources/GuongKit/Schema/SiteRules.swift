/// The rules that look across files: duplicate exemplars, URL clashes, heads of unit without a collective.
package struct SiteRules {
    package let schema: RegistrationSchema
    package let units: [Unit]

    package init(schema: RegistrationSchema, units: [Unit]) {
        self.schema = schema
        self.units = units
    }

    /// Checks `profiles` (ordered by path) together, giving clashing slugs their unit as a suffix.
    package func apply(to profiles: inout [Profile]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var removed = Set<Int>()

        // The same exemplar twice: same kind, name and unit. Keys are made on every core and compared as
        // bytes (texts are NFC, so equal bytes are equal text); files are remembered by index.
        let keys = profiles.parallelMap { profile in
            // Diacritics tell people apart (Thu and Thư); case, invisible characters and space forms do not.
            Array(profile.identityKey.utf8)
        }
        var seen: [[UInt8]: Int] = [:]
        for index in profiles.indices {
            if let first = seen[keys[index]] {
                diagnostics.append(.profileDuplicate(profiles[index].location, other: profiles[first].sourcePath))
                removed.insert(index)
            } else {
                seen[keys[index]] = index
            }
        }

        // Folded names can clash (two teachers called Nguyễn Thị Lan): such profiles take their unit's id as a suffix.
        let automatic = Dictionary(grouping: profiles.indices.filter { !removed.contains($0) && !profiles[$0].slugIsExplicit }) {
            profiles[$0].slug
        }
        for (_, indices) in automatic where indices.count > 1 {
            for index in indices { profiles[index].slug += "-" + profiles[index].unitID }
        }
        var owners: [String: Int] = [:]
        for index in profiles.indices where !removed.contains(index) {
            if let first = owners[profiles[index].slug] {
                diagnostics.append(.slugDuplicate(profiles[index].location, slug: profiles[index].slug, other: profiles[first].sourcePath))
                removed.insert(index)
            } else {
                owners[profiles[index].slug] = index
            }
        }

        // The plan judges a head of unit together with the unit's collective criteria.
        // (By index: a loop over the profiles themselves copies each, a dozen strings to retain.)
        var unitsWithCollective = Set<String>()
        for index in profiles.indices where profiles[index].kind == .collective { unitsWithCollective.insert(profiles[index].unitID) }
        let unitNames = Dictionary(units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let heads = schema.headPositions(among: profiles.indices.filter { profiles[$0].kind == .individual }.map { profiles[$0].position })
        for index in profiles.indices where profiles[index].kind == .individual && heads.contains(profiles[index].position)
            && !unitsWithCollective.contains(profiles[index].unitID) {
            let unitID = profiles[index].unitID
            diagnostics.append(.headWithoutCollective(profiles[index].location, unit: unitNames[unitID] ?? unitID))
        }

        if !removed.isEmpty { profiles = profiles.indices.filter { !removed.contains($0) }.map { profiles[$0] } }
        return diagnostics
    }
}
