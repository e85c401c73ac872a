/// Where the plan stands, for the office (`guong report`): quotas, what is missing or late, and the figures
/// the sơ kết and tổng kết conferences need. Computed from the same `SiteModel` the site is built from, with
/// the same counting (`SiteModel.selected`), so its numbers are the site's.
public struct PlanReport: Sendable {
    /// One exemplar named in a list of the report.
    public struct Entry: Sendable, Equatable, Encodable {
        public var name: String
        public var position: String
        public var unitName: String
        public var sourcePath: String
        /// What the line is about: a date, a year, a form of honour.
        public var detail: String
    }

    /// Selected exemplars of one kind in one year against the quota.
    public struct Quota: Sendable, Equatable {
        public var year: Int?
        public var kind: ProfileKind?
        public var count: Int
        public var quota: Int
        public var met: Bool { count >= quota }
    }

    public struct Count: Sendable, Equatable, Encodable {
        public var label: String
        public var count: Int
    }

    public var plan: String
    public var years: ClosedRange<Int>
    /// Whether `years` is the whole phase: only then are the phase quotas judged.
    public var wholePhase: Bool
    public var stageThreshold: String
    /// Schools with no exemplar in `years`, by level then commune then name.
    public var unitsWithout: [Unit]
    public var unitCount: Int
    public var yearly: [Quota]
    /// Exemplars selected in any year of the range, against the department's quota for the phase.
    public var phase: Quota
    public var late: [Entry]
    public var headsWithoutCollective: [Entry]
    public var stillAtFirstStage: [Entry]
    public var honoursWithoutDecision: [Entry]
    public var byYear: [Count]
    public var byField: [Count]
    public var byKind: [Count]
    public var byLevel: [Count]
    public var byStage: [Count]
    public var honoursByForm: [Count]
    public var honoursByIssuer: [Count]
    public var modelsSpread: Int
    public var unitsReached: Int

    /// Every quota the range judges: each year's, and for the whole phase the department's and each school's.
    public var quotasMet: Bool {
        yearly.allSatisfy(\.met) && (!wholePhase || (phase.met && unitsWithout.isEmpty))
    }
}
