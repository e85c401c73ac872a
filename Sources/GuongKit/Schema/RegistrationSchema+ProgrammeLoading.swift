/// Reading the plan's cycle from `registration.yaml`: stages, the selection stage, honour forms, deadlines.
extension RegistrationSchema {
    /// `process:` a list of stage names, or of `{id, name, aliases}`; ids default to the folded name.
    static func readProcess(_ root: YAMLNode, _ reader: inout ConfigReader) -> [Stage] {
        var stages: [Stage] = []
        for node in root["process"]?.items ?? [] {
            let stage: Stage
            if let name = node.scalar?.trimmingWhitespace(), !name.isEmpty {
                stage = Stage(id: VietnameseFolding.slug(name), name: name, aliases: [])
            } else if node.pairs != nil, let name = reader.text(node, "name") {
                stage = Stage(id: reader.optionalText(node, "id") ?? VietnameseFolding.slug(name), name: name,
                              aliases: reader.texts(node, "aliases"))
            } else {
                reader.diagnostics.append(.configInvalid(node.location, "mỗi bước của \"process\" là một tên, hoặc có \"id\" và \"name\"."))
                continue
            }
            if stages.contains(where: { $0.id == stage.id }) {
                reader.diagnostics.append(.configInvalid(node.location, "bước \"\(stage.name)\" bị khai báo hai lần trong \"process\"."))
                continue
            }
            stages.append(stage)
        }
        if stages.isEmpty { stages = [Stage(id: "dang-ky", name: "Đăng ký", aliases: [])] }
        return stages
    }

    /// `selected_from:` the stage (id or name) from which the department has selected an exemplar;
    /// without it, every stage counts (the quotas count every exemplar, as before stages existed).
    static func readSelectedFrom(_ root: YAMLNode, process: [Stage], _ reader: inout ConfigReader) -> Int {
        guard let text = reader.optionalText(root, "selected_from"), !text.isEmpty else { return 0 }
        let key = VietnameseFolding.key(text)
        if let index = process.firstIndex(where: { ([$0.id, $0.name] + $0.aliases).contains { VietnameseFolding.key($0) == key } }) {
            return index
        }
        reader.diagnostics.append(.configInvalid(root["selected_from"]!.location,
                                                 "\"selected_from\": bước \"\(text)\" không có trong \"process\"."))
        return 0
    }

    /// `honour_forms:` a list of names, or of `{id, name, aliases}`.
    static func readHonourForms(_ root: YAMLNode, _ reader: inout ConfigReader) -> [HonourForm] {
        (root["honour_forms"]?.items ?? []).compactMap { node -> HonourForm? in
            if let name = node.scalar?.trimmingWhitespace(), !name.isEmpty {
                return HonourForm(id: VietnameseFolding.slug(name), name: name, aliases: [])
            }
            guard node.pairs != nil, let name = reader.text(node, "name") else { return nil }
            return HonourForm(id: reader.optionalText(node, "id") ?? VietnameseFolding.slug(name), name: name,
                              aliases: reader.texts(node, "aliases"))
        }
    }

    /// `deadlines:` `{every_year: MM-DD, <year>: YYYY-MM-DD …}`; the older single `registration_deadline` still reads.
    static func readDeadlines(_ root: YAMLNode, _ reader: inout ConfigReader) -> Deadlines {
        var deadlines = Deadlines()
        if root["registration_deadline"] != nil { deadlines.single = reader.date(root, "registration_deadline") }
        guard let node = root["deadlines"] else { return deadlines }
        guard let pairs = node.pairs else {
            reader.diagnostics.append(.configInvalid(node.location, "\"deadlines\" phải có dạng `every_year: 01-20` và/hoặc `2022: 2022-01-20`."))
            return deadlines
        }
        for (key, value) in pairs {
            let name = key.scalar ?? ""
            let text = value.scalar?.trimmingWhitespace() ?? ""
            if name == "every_year" || VietnameseFolding.key(name) == "hang nam" {
                let parts = text.split(separator: "-").compactMap { Int($0) }
                if parts.count == 2, (1...12).contains(parts[0]), (1...SimpleDate.days(in: parts[0], of: 2000)).contains(parts[1]) {
                    deadlines.everyYear = (parts[0], parts[1])
                } else {
                    reader.diagnostics.append(.configInvalid(value.location, "\"every_year\" phải là tháng-ngày, ví dụ `01-20`, không phải \"\(text)\"."))
                }
            } else if let year = Int(name), name.count == 4 {
                if let date = SimpleDate(text) {
                    deadlines.byYear[year] = date
                } else {
                    reader.diagnostics.append(.configInvalid(value.location, "hạn của năm \(year) phải là ngày dạng năm-tháng-ngày, không phải \"\(text)\"."))
                }
            } else {
                reader.diagnostics.append(.configInvalid(key.location, "\"deadlines\" chỉ nhận `every_year` hoặc một năm (ví dụ `2023`), không nhận \"\(name)\"."))
            }
        }
        return deadlines
    }
}
