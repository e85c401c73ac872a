extension PlanReport {
    /// The report over `years` (the whole phase when nil); `today` decides which years have ended.
    public init(model: SiteModel, years range: ClosedRange<Int>? = nil, today: SimpleDate) {
        let schema = model.schema
        let years = range ?? schema.phase
        let inRange = model.profiles.indices.filter { model.profiles[$0].years.contains(where: years.contains) }
        let profiles = model.profiles
        func entry(_ index: Int, _ detail: String) -> Entry {
            let profile = profiles[index]
            return Entry(name: profile.name, position: profile.position, unitName: model.unitName(profile.unitID),
                         sourcePath: profile.sourcePath, detail: detail)
        }
        plan = schema.plan.number
        self.years = years
        wholePhase = years == schema.phase
        stageThreshold = schema.process[safe: schema.selectedFrom]?.name ?? ""

        let unitsWithExemplar = Set(inRange.map { profiles[$0].unitID })
        unitsWithout = model.units.filter { !unitsWithExemplar.contains($0.id) }.sorted {
            (VietnameseFolding.key($0.level), VietnameseFolding.key($0.commune), VietnameseFolding.key($0.name))
                < (VietnameseFolding.key($1.level), VietnameseFolding.key($1.commune), VietnameseFolding.key($1.name))
        }
        unitCount = model.units.count
        yearly = years.flatMap { year in
            ProfileKind.allCases.map { kind in
                Quota(year: year, kind: kind, count: model.selected(in: year, kind: kind).count, quota: schema.quotas.perYear[kind] ?? 0)
            }
        }
        phase = Quota(year: nil, kind: nil, count: model.selected(inAnyOf: years).count, quota: schema.quotas.departmentPerPhase)

        late = inRange.compactMap { index in
            let profile = profiles[index]
            guard let registered = profile.registered, let first = profile.years.first,
                  let deadline = schema.deadline(for: first), registered > deadline else { return nil }
            return entry(index, "\(registered.vietnamese) > \(deadline.vietnamese)")
        }
        let withCollective = Set(profiles.filter { $0.kind == .collective }.map(\.unitID))
        headsWithoutCollective = inRange.filter { index in
            profiles[index].kind == .individual && schema.isHead(position: profiles[index].position)
                && !withCollective.contains(profiles[index].unitID)
        }.map { entry($0, "") }
        let firstStage = schema.process.first?.name ?? ""
        stillAtFirstStage = inRange.flatMap { index in
            profiles[index].years.filter { years.contains($0) && $0 < today.year && profiles[index].stage(in: $0) == 0 }
                .map { entry(index, "\($0): \(firstStage)") }
        }
        let honours = model.honours.filter { years.contains($0.honour.date.year) }
        honoursWithoutDecision = honours.filter { $0.honour.decision == nil }
            .map { entry($0.profile, "\($0.honour.formName), \($0.honour.date.vietnamese)") }

        byYear = years.map { Count(label: String($0), count: model.byYear[$0]?.count ?? 0) }
        byField = schema.fields.map { field in
            Count(label: "\(field.code)) \(field.name)", count: inRange.count { profiles[$0].fieldCodes.contains(field.code) })
        }
        byKind = ProfileKind.allCases.map { kind in Count(label: model.kindName(kind), count: inRange.count { profiles[$0].kind == kind }) }
        var levels: [String] = []
        for unit in model.units where !levels.contains(unit.level) { levels.append(unit.level) }
        byLevel = levels.map { level in
            Count(label: level, count: inRange.count { model.unitsByID[profiles[$0].unitID]?.level == level })
        }
        // A profile counts once, at the furthest stage it reached within the range.
        let reached = inRange.map { index in profiles[index].years.filter(years.contains).map(profiles[index].stage(in:)).max() ?? 0 }
        byStage = schema.process.indices.map { stage in Count(label: schema.process[stage].name, count: reached.count { $0 == stage }) }
        honoursByForm = schema.honourForms.map { form in Count(label: form.name, count: honours.count { $0.honour.formID == form.id }) }
        var issuers: [String] = []
        for honour in honours where !issuers.contains(honour.honour.issuer) { issuers.append(honour.honour.issuer) }
        honoursByIssuer = issuers.sorted { VietnameseFolding.key($0) < VietnameseFolding.key($1) }
            .map { issuer in Count(label: issuer, count: honours.count { $0.honour.issuer == issuer }) }
        let spreading = inRange.filter { !profiles[$0].spread.isEmpty }
        modelsSpread = spreading.count
        unitsReached = Set(spreading.flatMap { profiles[$0].spread.map(\.unitID) }).count
    }
}
