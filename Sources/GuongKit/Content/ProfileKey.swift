/// The front-matter keys of a profile, with the Vietnamese names accepted for each.
public enum ProfileKey: String, CaseIterable, Sendable {
    case kind, name, position, unit, fields, year, registered, photo, draft, slug, stage, honours, spread

    /// Other names a school may write, compared folded (`lĩnh vực`, `linh vuc`, `lĩnh_vực`).
    var aliases: [String] {
        switch self {
        case .kind: ["loại", "loại điển hình", "kiểu"]
        case .name: ["tên", "họ tên", "họ và tên", "tên đơn vị", "tên cá nhân", "tên tập thể"]
        case .position: ["chức vụ"]
        case .unit: ["đơn vị", "trường", "unit id"]
        case .fields: ["lĩnh vực", "field", "lĩnh vực điển hình tiên tiến"]
        case .year: ["năm", "years", "năm học"]
        case .registered: ["ngày đăng ký", "đăng ký", "registration date"]
        case .photo: ["ảnh", "hình", "hình ảnh", "image"]
        case .draft: ["nháp", "bản nháp"]
        case .slug: ["đường dẫn"]
        case .stage: ["giai đoạn", "bước", "bước quy trình"]
        case .honours: ["khen thưởng", "honors", "biểu dương khen thưởng", "hình thức khen thưởng"]
        case .spread: ["nhân rộng", "đơn vị nhân rộng"]
        }
    }

    private static let table: [String: ProfileKey] = {
        var table: [String: ProfileKey] = [:]
        for key in allCases {
            for name in [key.rawValue] + key.aliases { table[VietnameseFolding.key(name)] = key }
        }
        return table
    }()

    /// The key a front-matter name means, if any.
    public init?(matching name: String) {
        guard let key = Self.table[VietnameseFolding.key(name)] else { return nil }
        self = key
    }

    /// Every accepted spelling, for suggestions.
    static var allNames: [String] { allCases.flatMap { [$0.rawValue] + $0.aliases } }
}

extension ProfileKey: Hashable {
    // By case: `RawRepresentable`'s defaults hash and compare the raw value, a String made for every call,
    // which was most of the cost of looking a profile's fields up (a dozen lookups a file).
    public static func == (left: ProfileKey, right: ProfileKey) -> Bool { left.ordinal == right.ordinal }

    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }

    private var ordinal: Int {
        switch self {
        case .kind: 0
        case .name: 1
        case .position: 2
        case .unit: 3
        case .fields: 4
        case .year: 5
        case .registered: 6
        case .photo: 7
        case .draft: 8
        case .slug: 9
        case .stage: 10
        case .honours: 11
        case .spread: 12
        }
    }
}
