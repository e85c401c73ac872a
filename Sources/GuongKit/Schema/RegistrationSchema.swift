import Foundation

/// The registration schema of a plan (`content/registration.yaml`): phase, deadline, kinds, fields, quotas.
/// Nothing of the 2021–2025 plan is hard-coded; the next plan is an edit of this data.
public struct RegistrationSchema: Sendable {
    public var plan: Plan
    public var phase: ClosedRange<Int>
    /// The registration deadline of each year (`deadline(for:)`).
    public var deadlines: Deadlines
    public var kinds: [KindDefinition]
    public var fields: [Field]
    public var quotas: Quotas
    /// Positions that head a unit (folded for matching): such a person is judged with the unit's collective.
    public var headPositions: [String]
    /// The plan's process, in order (`process` in registration.yaml).
    public var process: [Stage]
    /// The index in `process` from which an exemplar counts as selected by the department (`selected_from`).
    public var selectedFrom: Int
    /// The forms of honour a profile's `honours` may name (`honour_forms`).
    public var honourForms: [HonourForm]
    /// General criteria (tiêu chí chung) as the plan states them, with its reference, if given.
    public var generalCriteria: String?
    /// Where the criteria are quoted from (`criteria_reference`), shown with them.
    public var criteriaReference: String?
    public var milestones: [Milestone]
    /// Short forms readers type for longer words (`search_words:`): `HT` for *Hiệu trưởng*, `THCS` for
    /// *Trung học cơ sở*. The search page expands them; nothing of them is in code.
    public var searchWords: [SearchWord] = []

    public struct Plan: Sendable {
        public var number: String
        public var date: SimpleDate?
        public var title: String
        public var issuer: String
    }

    public struct KindDefinition: Sendable {
        public var kind: ProfileKind
        public var name: String
        public var aliases: [String]
        public var columns: [String]
    }

    public struct Quotas: Sendable {
        public var schoolPerPhase: Int
        public var departmentPerPhase: Int
        public var perYear: [ProfileKind: Int]
    }

    public struct Milestone: Sendable {
        public var date: SimpleDate
        public var name: String
    }

    public func definition(of kind: ProfileKind) -> KindDefinition? {
        kinds.first { $0.kind == kind }
    }

    public func field(code: String) -> Field? {
        fields.first { $0.code == code }
    }

    /// The field a profile means by `text`: a code exactly (so `d` and `đ` stay apart), else a
    /// name or alias compared folded (`CNTT`, `dd`, `cong nghe thong tin`).
    public func matchField(_ text: String) -> Field? {
        let trimmed = text.trimmingWhitespace().lowercased()
        if let field = fields.first(where: { $0.code.lowercased() == trimmed }) { return field }
        let key = VietnameseFolding.key(trimmed)
        return fields.first { field in
            ([field.name, field.id, field.short] + field.aliases).contains { VietnameseFolding.key($0) == key }
        }
    }

    /// The kind a profile means by `text` (`collective`, `tập thể`, `tap the` …).
    public func matchKind(_ text: String) -> ProfileKind? {
        let key = VietnameseFolding.key(text)
        return kinds.first { definition in
            ([definition.kind.rawValue, definition.name] + definition.aliases).contains { VietnameseFolding.key($0) == key }
        }?.kind
    }

    /// Whether `position` heads a unit: `Hiệu trưởng`, `Bí thư Chi bộ, Hiệu trưởng`, `Hiệu trưởng trường …`,
    /// but never `Phó Hiệu trưởng` (each title of a combined position is judged on its own).
    public func isHead(position: String) -> Bool {
        // Read for every profile at loading and again for its page: split and trimmed in Swift, as
        // Foundation's `components(separatedBy:)` and `trimmingCharacters(in: .whitespaces)` would.
        // A position of ASCII and Vietnamese letters (those the identity fold lets skip NFKC) has a Character
        // per scalar, CR LF aside, which no separator is part of: split by scalar, without grapheme breaking.
        let pieces = position.unicodeScalars.allSatisfy(InvisibleCharacters.isCompatibilityStable)
            ? position.unicodeScalars.split(whereSeparator: Self.separatesTitles).map(Substring.init)
            : position.split(whereSeparator: Self.separatesTitles)
        let titles = pieces.flatMap { Self.titles(in: VietnameseFolding.key(String($0))) }
        return titles.contains { title in
            !title.hasPrefix("pho ") && headPositions.contains { title == $0 || title.hasPrefix($0 + " ") }
        }
    }

    /// The positions among `positions` that head a unit (`isHead`), each distinct one judged once: a site's
    /// thousands of individuals hold a few hundred positions.
    public func headPositions(among positions: some Sequence<String>) -> Set<String> {
        Set(Set(positions).filter { isHead(position: $0) })
    }

    /// Whether `character` stands between the titles of a combined position (a switch: `String.contains`
    /// walked the separators' Characters for every Character of every position).
    static func separatesTitles(_ character: Character) -> Bool {
        switch character {
        case ",", ";", "/", "–", "-": true
        default: false
        }
    }

    /// `separatesTitles` for a scalar that is a Character of its own.
    static func separatesTitles(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", ";", "/", "–", "-": true
        default: false
        }
    }

    /// A folded position cut at each ` kiem ` (left to right), each piece without white space at its ends.
    static func titles(in folded: String) -> [String] {
        let separator = Array(" kiem ".utf8)
        var titles: [String] = []
        // A position is a few dozen bytes: an array of them, no raw buffer (docs/architecture.md, unsafe code).
        do {
            let bytes = Array(folded.utf8)
            var start = 0, index = 0
            while index + separator.count <= bytes.count {
                if bytes[index] == separator[0], bytes[index..<index + separator.count].elementsEqual(separator) {
                    titles.append(String(decoding: bytes[start..<index], as: UTF8.self))
                    index += separator.count
                    start = index
                } else {
                    index += 1
                }
            }
            titles.append(String(decoding: bytes[start...], as: UTF8.self))
        }
        return titles.map { $0.trimmingWhitespace() }
    }
}

/// A field of exemplars (lĩnh vực), section II.3.2 of the plan.
public struct Field: Sendable, Hashable {
    /// The plan's letter: a, b, c, d, đ.
    public var code: String
    /// The URL id: `cong-nghe-thong-tin`.
    public var id: String
    public var name: String
    public var short: String
    public var aliases: [String]
    public var criteria: [ProfileKind: String]

    /// Whether the plan gives this field's criteria for individuals only (field c, "Người tốt, việc tốt"): a
    /// collective registered in it is warned (`field.no-criteria`), and the form says so beside it.
    public var isForIndividualsOnly: Bool {
        (criteria[.collective] ?? "").isEmpty && !(criteria[.individual] ?? "").isEmpty
    }
}

/// The two kinds of exemplar in the plan.
public enum ProfileKind: String, Sendable, Hashable, CaseIterable, Codable {
    case collective
    case individual
}

/// A calendar date without time or zone, as written in the files (`2022-01-20`).
public struct SimpleDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(_ text: String) {
        let parts = text.trimmingWhitespace().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...Self.days(in: month, of: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// ISO form: `2022-01-20`.
    public var description: String {
        Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2)
    }

    /// Vietnamese form: `20/01/2022`.
    public var vietnamese: String {
        Self.padded(day, 2) + "/" + Self.padded(month, 2) + "/" + Self.padded(year, 4)
    }

    /// `number` in at least `width` characters, zeros in front, as `%0*d` writes it (`String(format:)` goes
    /// through Foundation's formatter and the runtime's protocol lookups for every argument: pages show a date
    /// for every profile).
    static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number.magnitude)
        let sign = number < 0 ? "-" : ""
        let zeros = max(0, width - sign.count - digits.count)
        return sign + String(repeating: "0", count: zeros) + digits
    }

    public static func < (lhs: SimpleDate, rhs: SimpleDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
