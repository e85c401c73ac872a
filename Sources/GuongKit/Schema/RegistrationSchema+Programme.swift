/// The plan's cycle as data: its stages in order, the stage from which the department has selected an
/// exemplar, the forms of honour, and the registration deadline of each year.
extension RegistrationSchema {
    /// A step of the plan's process (`phát hiện`, `bình chọn` …).
    public struct Stage: Sendable, Hashable {
        public var id: String
        public var name: String
        public var aliases: [String]
    }

    /// A form of honour (`biểu dương`, `giấy khen`, `bằng khen`, `danh hiệu` …).
    public struct HonourForm: Sendable, Hashable {
        public var id: String
        public var name: String
        public var aliases: [String]
    }

    /// The registration deadline of each year: a date per year, else a day and month every year,
    /// else the plan's single `registration_deadline`.
    public struct Deadlines: Sendable {
        public var byYear: [Int: SimpleDate] = [:]
        /// Month and day of the yearly rule (`every_year: 01-20`).
        public var everyYear: (month: Int, day: Int)?
        public var single: SimpleDate?

        public func deadline(for year: Int) -> SimpleDate? {
            if let date = byYear[year] { return date }
            if let rule = everyYear, rule.day <= SimpleDate.days(in: rule.month, of: year) {
                return SimpleDate(year: year, month: rule.month, day: rule.day)
            }
            return single
        }
    }

    /// The registration deadline for a profile whose first year is `year`.
    public func deadline(for year: Int) -> SimpleDate? { deadlines.deadline(for: year) }

    /// The stage a profile means by `text`: its id, name or an alias, compared folded.
    public func matchStage(_ text: String) -> Int? {
        let key = VietnameseFolding.key(text)
        return process.firstIndex { ([$0.id, $0.name] + $0.aliases).contains { VietnameseFolding.key($0) == key } }
    }

    /// The form of honour a profile means by `text`, compared folded.
    public func matchHonourForm(_ text: String) -> HonourForm? {
        let key = VietnameseFolding.key(text)
        return honourForms.first { ([$0.id, $0.name] + $0.aliases).contains { VietnameseFolding.key($0) == key } }
    }

    /// The stage names, in order.
    public var processNames: [String] { process.map(\.name) }
}
