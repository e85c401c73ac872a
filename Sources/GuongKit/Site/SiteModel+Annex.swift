/// The plan's annex (Bảng đăng ký điển hình tiên tiến) as data: one table per kind, each exemplar once,
/// for the district or one unit and one year. The site's annex pages and `guong export dang-ky` both
/// read it, so the printed form, the page and the exported file list the same rows.
public struct Annex: Sendable {
    public struct Row: Sendable, Equatable {
        /// "01", "02" … as the plan numbers its rows.
        public var number: String
        public var profile: Int
        public var name: String
        public var position: String
        public var unitName: String
        public var fields: String
        public var achievements: [String]
    }

    public struct Table: Sendable {
        public var kind: ProfileKind
        /// The schema's columns for the kind (`STT`, `Tên đơn vị` …).
        public var columns: [String]
        public var rows: [Row]
    }

    public var year: Int
    /// The unit the annex is for; nil for the district's table.
    public var unitID: String?
    public var tables: [Table]

    public var isEmpty: Bool { tables.allSatisfy(\.rows.isEmpty) }
}

extension SiteModel {
    /// The annex of `year`, for one unit or (nil) the district; rows ordered by folded name.
    public func annex(year: Int, unit: String? = nil) -> Annex {
        // A unit's exemplars of the year from its own index: filtering the year's, once per unit page, was
        // quadratic in the site. The rows are sorted below, so the order these come in does not matter.
        // Read once: closures that named the model's properties copied the whole model at every call.
        let profiles = self.profiles
        let members = unit.map { unit in (byUnit[unit] ?? []).filter { profiles[$0].years.contains(year) } } ?? byYear[year] ?? []
        let tables = ProfileKind.allCases.map { kind -> Annex.Table in
            let indices = sortedByName(members.filter { profiles[$0].kind == kind })
            let rows = indices.enumerated().map { number, index -> Annex.Row in
                let profile = profiles[index]
                let fields = profile.fieldCodes.compactMap { schema.field(code: $0)?.name }.joined(separator: "; ")
                return Annex.Row(number: number + 1 < 10 ? "0\(number + 1)" : "\(number + 1)", profile: index,
                                 name: profile.name, position: profile.position, unitName: unitName(profile.unitID),
                                 fields: fields, achievements: profile.achievements.map(\.text))
            }
            return Annex.Table(kind: kind, columns: schema.definition(of: kind)?.columns ?? [], rows: rows)
        }
        return Annex(year: year, unitID: unit, tables: tables)
    }

    /// The years in which `unit` has an exemplar: those its annex pages are made for.
    public func annexYears(unit: String) -> [Int] {
        years.filter { year in (byUnit[unit] ?? []).contains { profiles[$0].years.contains(year) } }
    }
}
