import Foundation

/// The report for machines (`guong report --format json`); keys sorted, so the output is stable.
extension PlanReport.Quota: Encodable {
    private enum Keys: String, CodingKey { case year, kind, count, quota, met }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encodeIfPresent(year, forKey: .year)
        try container.encodeIfPresent(kind?.rawValue, forKey: .kind)
        try container.encode(count, forKey: .count)
        try container.encode(quota, forKey: .quota)
        try container.encode(met, forKey: .met)
    }
}

extension PlanReport {
    public func json() -> String {
        struct UnitEntry: Encodable { var id: String, name: String, level: String, commune: String }
        struct Figures: Encodable {
            var byYear, byField, byKind, byLevel, byStage, honoursByForm, honoursByIssuer: [Count]
            var modelsSpread, unitsReached: Int
        }
        struct Document: Encodable {
            var plan: String, from: Int, to: Int, wholePhase: Bool, selectedFrom: String, quotasMet: Bool
            var yearly: [Quota], phase: Quota
            var unitsWithout: [UnitEntry], unitCount: Int
            var late, headsWithoutCollective, stillAtFirstStage, honoursWithoutDecision: [Entry]
            var figures: Figures
        }
        let document = Document(
            plan: plan, from: years.lowerBound, to: years.upperBound, wholePhase: wholePhase, selectedFrom: stageThreshold,
            quotasMet: quotasMet, yearly: yearly, phase: phase,
            unitsWithout: unitsWithout.map { UnitEntry(id: $0.id, name: $0.name, level: $0.level, commune: $0.commune) },
            unitCount: unitCount, late: late, headsWithoutCollective: headsWithoutCollective,
            stillAtFirstStage: stillAtFirstStage, honoursWithoutDecision: honoursWithoutDecision,
            figures: Figures(byYear: byYear, byField: byField, byKind: byKind, byLevel: byLevel, byStage: byStage,
                             honoursByForm: honoursByForm, honoursByIssuer: honoursByIssuer,
                             modelsSpread: modelsSpread, unitsReached: unitsReached)
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
