/// Where a profile stands in the plan's cycle and how it was honoured.
extension Profile {
    /// A form of honour the profile received (`khen thưởng`), as the department recorded it.
    public struct Honour: Sendable, Hashable {
        /// The form's id in the schema's `honour_forms`.
        public var formID: String
        public var formName: String
        /// Who issued it (`cấp`, `cơ quan`), as written.
        public var issuer: String
        /// The decision number (`số quyết định`) in the `số/ký hiệu` shape, if there is one yet.
        public var decision: String?
        public var date: SimpleDate
    }

    /// A unit that took the model up (`nhân rộng`).
    public struct Spread: Sendable, Hashable {
        public var unitID: String
        public var year: Int?
        /// A line on the result.
        public var result: String
    }

    /// The stage (index into `process`) the profile reached in `year`; the first when not given.
    public func stage(in year: Int) -> Int { stages[year] ?? 0 }

    /// The furthest stage of any of its years.
    public var latestStage: Int { years.map(stage(in:)).max() ?? 0 }

    /// When the profile was last honoured or else registered, for "newest" orders.
    public var newestDate: SimpleDate? { honours.map(\.date).max() ?? registered }
}
