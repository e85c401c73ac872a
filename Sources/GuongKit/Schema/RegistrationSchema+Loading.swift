extension RegistrationSchema {
    /// Reads `content/registration.yaml`.
    static func load(_ file: ContentFile, limits: Limits) -> (RegistrationSchema?, [Diagnostic]) {
        var reader = ConfigReader(file: file, limits: limits)
        guard let root = reader.root() else { return (nil, reader.diagnostics) }

        let planNode = root["plan"]
        let plan = Plan(
            number: planNode.flatMap { reader.optionalText($0, "number") } ?? "",
            date: planNode.flatMap { reader.optionalText($0, "date") }.flatMap(SimpleDate.init),
            title: planNode.flatMap { reader.optionalText($0, "title") } ?? "",
            issuer: planNode.flatMap { reader.optionalText($0, "issuer") } ?? ""
        )
        var phase: ClosedRange<Int>?
        if root["phase"] == nil { reader.diagnostics.append(.configInvalid(root.location, "thiếu khóa \"phase\" (năm bắt đầu, năm kết thúc).")) }
        if let node = root["phase"], let start = reader.integer(node, "start", in: ConfigReader.years),
           let end = reader.integer(node, "end", in: ConfigReader.years) {
            if start > end {
                reader.diagnostics.append(.configInvalid(node.location, "giai đoạn phải có năm bắt đầu không lớn hơn năm kết thúc."))
            } else if end - start >= ConfigReader.maxPhaseYears {
                reader.diagnostics.append(.configInvalid(node["end"]!.location, "giai đoạn \(start)–\(end) dài quá \(ConfigReader.maxPhaseYears) năm; hãy kiểm tra năm kết thúc."))
            } else {
                phase = start...end
            }
        }
        let deadline = root["registration_deadline"] != nil ? reader.date(root, "registration_deadline") : nil
        let kinds = (reader.list(root, "kinds") ?? []).compactMap { readKind($0, &reader) }
        for kind in ProfileKind.allCases where !kinds.contains(where: { $0.kind == kind }) {
            reader.diagnostics.append(.configInvalid(root.location, "\"kinds\" thiếu loại \"\(kind.rawValue)\"."))
        }
        let fields = readFields(root, &reader)
        let quotas = readQuotas(root["quotas"], &reader)
        let milestones = (root["milestones"]?.items ?? []).compactMap { node -> Milestone? in
            guard let date = reader.date(node, "date"), let name = reader.text(node, "name") else { return nil }
            return Milestone(date: date, name: name)
        }
        guard let phase, !reader.diagnostics.hasErrors else { return (nil, reader.diagnostics) }
        let schema = RegistrationSchema(
            plan: plan, phase: phase, deadline: deadline, kinds: kinds, fields: fields, quotas: quotas,
            headPositions: reader.texts(root, "head_positions").map(VietnameseFolding.key),
            process: reader.texts(root, "process"), milestones: milestones
        )
        return (schema, reader.diagnostics)
    }

    private static func readKind(_ node: YAMLNode, _ reader: inout ConfigReader) -> KindDefinition? {
        guard let id = reader.text(node, "id"), let name = reader.text(node, "name") else { return nil }
        guard let kind = ProfileKind(rawValue: id) else {
            reader.diagnostics.append(.configInvalid(node["id"]!.location, "loại \"\(id)\" không hợp lệ; dùng collective hoặc individual."))
            return nil
        }
        return KindDefinition(kind: kind, name: name, aliases: reader.texts(node, "aliases"), columns: reader.texts(node, "columns"))
    }

    private static func readFields(_ root: YAMLNode, _ reader: inout ConfigReader) -> [Field] {
        var fields: [Field] = []
        for node in reader.list(root, "fields") ?? [] {
            guard let code = reader.text(node, "code"), let id = reader.text(node, "id"), let name = reader.text(node, "name") else { continue }
            guard VietnameseFolding.slug(id) == id else {
                reader.diagnostics.append(.configInvalid(node["id"]!.location, "mã URL \"\(id)\" chỉ dùng chữ thường không dấu, số và dấu gạch nối."))
                continue
            }
            guard reader.fitsPath(id, what: "mã URL của lĩnh vực", at: node["id"]!.location) else { continue }
            if fields.contains(where: { $0.code == code || $0.id == id }) {
                reader.diagnostics.append(.configInvalid(node.location, "lĩnh vực \"\(code)\" (\(id)) bị khai báo hai lần."))
                continue
            }
            var criteria: [ProfileKind: String] = [:]
            for kind in ProfileKind.allCases {
                criteria[kind] = node["criteria"].flatMap { reader.optionalText($0, kind.rawValue) }
            }
            fields.append(Field(code: code, id: id, name: name, short: reader.optionalText(node, "short") ?? name,
                                aliases: reader.texts(node, "aliases"), criteria: criteria))
        }
        if fields.isEmpty { reader.diagnostics.append(.configInvalid(root.location, "cần ít nhất một lĩnh vực trong \"fields\".")) }
        return fields
    }

    private static func readQuotas(_ node: YAMLNode?, _ reader: inout ConfigReader) -> Quotas {
        var quotas = Quotas(schoolPerPhase: 0, departmentPerPhase: 0, perYear: [:])
        guard let node else { return quotas }
        quotas.schoolPerPhase = reader.optionalInteger(node, "school_per_phase", in: ConfigReader.quotas) ?? 0
        quotas.departmentPerPhase = reader.optionalInteger(node, "department_per_phase", in: ConfigReader.quotas) ?? 0
        for kind in ProfileKind.allCases {
            quotas.perYear[kind] = reader.optionalInteger(node["per_year"], kind.rawValue, in: ConfigReader.quotas)
        }
        return quotas
    }
}
