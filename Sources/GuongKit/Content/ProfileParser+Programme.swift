import Foundation

/// Reading the keys the department sets: `stage`, `honours`, `spread`.
extension ProfileParser {
    /// `stage: bình chọn` for every year, or `stage: {2022: phát hiện, 2023: bình chọn}`.
    func readStages(_ fields: FrontMatterFields, years: [Int]?, diagnostics: inout [Diagnostic]) -> [Int: Int] {
        guard let node = fields[.stage] else { return [:] }
        var stages: [Int: Int] = [:]
        if let pairs = node.pairs {
            for (key, value) in pairs {
                let text = key.scalar?.trimmingWhitespace() ?? ""
                guard let year = Int(text), years?.contains(year) ?? true else {
                    diagnostics.append(.stageYear(key.location, value: text, years: years ?? []))
                    continue
                }
                if let stage = stage(value, diagnostics: &diagnostics) { stages[year] = stage }
            }
        } else if let stage = stage(node, diagnostics: &diagnostics) {
            for year in years ?? [] { stages[year] = stage }
        }
        return stages
    }

    private func stage(_ node: YAMLNode, diagnostics: inout [Diagnostic]) -> Int? {
        let text = node.scalar?.trimmingWhitespace() ?? ""
        if let index = schema.matchStage(text) { return index }
        let names = schema.process.map(\.name)
        let suggestion = Suggestion.nearest(to: text, in: names + schema.process.flatMap { [$0.id] + $0.aliases })
            .flatMap { schema.matchStage($0) }.map { schema.process[$0].name }
        diagnostics.append(.stageUnknown(node.location, value: text, names: names, suggestion: suggestion))
        return nil
    }

    /// `honours:` a list of `{hình thức, cấp, số quyết định, ngày}`.
    func readHonours(_ fields: FrontMatterFields, diagnostics: inout [Diagnostic]) -> [Profile.Honour] {
        guard let node = fields[.honours] else { return [] }
        if node.scalar == "" { return [] }
        return node.items.compactMap { honour($0, diagnostics: &diagnostics) }
    }

    private func honour(_ node: YAMLNode, diagnostics: inout [Diagnostic]) -> Profile.Honour? {
        guard let entry = ItemKeys(node, names: Self.honourKeys) else {
            diagnostics.append(.honourInvalid(node.location, "mỗi mục phải là một nhóm khóa, không phải \"\(node.scalar ?? "danh sách")\"."))
            return nil
        }
        for unknown in entry.unknown { diagnostics.append(.honourInvalid(unknown.location, "khóa \"\(unknown.scalar ?? "")\" không được dùng.")) }
        guard let (formText, formAt) = entry.text("form") else {
            diagnostics.append(.honourInvalid(node.location, "thiếu \"hình thức\"."))
            return nil
        }
        guard let form = schema.matchHonourForm(formText) else {
            let names = schema.honourForms.map(\.name)
            diagnostics.append(.honourFormUnknown(formAt, value: formText, names: names,
                                                  suggestion: Suggestion.nearest(to: formText, in: names)))
            return nil
        }
        guard let (dateText, dateAt) = entry.text("date") else {
            diagnostics.append(.honourInvalid(node.location, "thiếu \"ngày\" của quyết định."))
            return nil
        }
        guard let date = SimpleDate(dateText) else {
            diagnostics.append(.honourDateInvalid(dateAt, value: dateText))
            return nil
        }
        guard schema.phase.contains(date.year) else {
            diagnostics.append(.honourDateOutside(dateAt, date: date, phase: schema.phase))
            return nil
        }
        let decision = entry.text("decision")
        if let (text, at) = decision, !Self.isDecisionNumber(text) {
            diagnostics.append(.honourDecision(at, value: text))
            return nil
        }
        guard let (issuer, _) = entry.text("issuer") else {
            diagnostics.append(.honourInvalid(node.location, "thiếu \"cấp\" (cơ quan ra quyết định)."))
            return nil
        }
        return Profile.Honour(formID: form.id, formName: form.name, issuer: issuer.collapsingSpaces(), decision: decision?.0, date: date)
    }

    /// `số/ký hiệu` as Vietnamese offices number decisions: `125/QĐ-GDĐT`, `1234/QĐ-UBND`, `24/2008/QĐ-UBND`.
    static func isDecisionNumber(_ text: String) -> Bool {
        text.wholeMatch(of: /[0-9]{1,6}[a-zA-Z]?(\/[0-9]{4})?\/[\p{L}0-9&]+([-.][\p{L}0-9&]+)*/) != nil
    }

    /// `spread:` a list of unit ids, or of `{đơn vị, năm, kết quả}`.
    func readSpread(_ fields: FrontMatterFields, diagnostics: inout [Diagnostic]) -> [Profile.Spread] {
        guard let node = fields[.spread] else { return [] }
        if node.scalar == "" { return [] }
        var spread: [Profile.Spread] = []
        for item in node.items {
            var unitText: (String, SourceLocation)?
            var year: Int?
            var result = ""
            if let text = item.scalar?.trimmingWhitespace(), !text.isEmpty {
                unitText = (text, item.location)
            } else if let entry = ItemKeys(item, names: Self.spreadKeys) {
                for unknown in entry.unknown { diagnostics.append(.spreadInvalid(unknown.location, "khóa \"\(unknown.scalar ?? "")\" không được dùng.")) }
                unitText = entry.text("unit")
                if let (text, at) = entry.text("year") {
                    guard let value = Int(text), schema.phase.contains(value) else {
                        diagnostics.append(.spreadInvalid(at, "năm \"\(text)\" không thuộc giai đoạn \(schema.phase.lowerBound)–\(schema.phase.upperBound)."))
                        continue
                    }
                    year = value
                }
                result = entry.text("result")?.0.collapsingSpaces() ?? ""
            }
            guard let (text, at) = unitText else {
                diagnostics.append(.spreadInvalid(item.location, "thiếu \"đơn vị\"."))
                continue
            }
            guard let unit = units[text] ?? units.values.first(where: { VietnameseFolding.key($0.name) == VietnameseFolding.key(text) }) else {
                diagnostics.append(.spreadUnitUnknown(at, value: text, suggestion: Suggestion.nearest(to: text, in: units.keys.sorted())))
                continue
            }
            spread.append(Profile.Spread(unitID: unit.id, year: year, result: result))
        }
        return spread
    }

    static let honourKeys: [String: [String]] = [
        "form": ["hình thức", "hình thức khen thưởng", "loại"],
        "issuer": ["cấp", "cơ quan", "cấp khen", "cơ quan ban hành", "đơn vị ban hành"],
        "decision": ["số quyết định", "quyết định", "số", "số qđ"],
        "date": ["ngày", "ngày quyết định", "ngày ký"],
    ]

    static let spreadKeys: [String: [String]] = [
        "unit": ["đơn vị", "trường"],
        "year": ["năm"],
        "result": ["kết quả", "hiệu quả"],
    ]
}

/// The keys of one list item (an honour, a unit of spread), matched by folded name against a table of aliases.
struct ItemKeys {
    private var values: [String: YAMLNode] = [:]
    private(set) var unknown: [YAMLNode] = []

    init?(_ node: YAMLNode, names: [String: [String]]) {
        guard let pairs = node.pairs else { return nil }
        var table: [String: String] = [:]
        for (key, aliases) in names { for name in [key] + aliases { table[VietnameseFolding.key(name)] = key } }
        for (key, value) in pairs {
            if let name = table[VietnameseFolding.key(key.scalar ?? "")], values[name] == nil {
                values[name] = value
            } else {
                unknown.append(key)
            }
        }
    }

    /// A scalar's trimmed, non-empty text and where it is.
    func text(_ key: String) -> (String, SourceLocation)? {
        guard let node = values[key], let text = node.scalar?.trimmingWhitespaceAndNewlines(), !text.isEmpty else { return nil }
        return (text, node.location)
    }
}
