extension Unit {
    /// Reads `content/units.yaml`: a list under `units:` of `{id, name, level, commune}`.
    static func loadAll(_ file: ContentFile, limits: Limits) -> ([Unit], [Diagnostic]) {
        var reader = ConfigReader(file: file, limits: limits)
        guard let root = reader.root() else { return ([], reader.diagnostics) }
        var units: [Unit] = []
        var seen: [String: SourceLocation] = [:]
        for node in reader.list(root, "units") ?? [] {
            guard let id = reader.text(node, "id"), let name = reader.text(node, "name") else { continue }
            let location = node["id"]!.location
            guard VietnameseFolding.slug(id) == id else {
                reader.diagnostics.append(.configInvalid(location, "mã đơn vị \"\(id)\" chỉ dùng chữ thường không dấu, số và dấu gạch nối (ví dụ thcs-dong-thanh)."))
                continue
            }
            guard reader.fitsPath(id, what: "mã đơn vị", at: location) else { continue }
            if let first = seen[id] {
                reader.diagnostics.append(.unitDuplicate(location, id: id, first: first))
                continue
            }
            seen[id] = location
            units.append(Unit(id: id, name: name, level: reader.text(node, "level") ?? "",
                              commune: reader.optionalText(node, "commune") ?? "", location: location))
        }
        return (units, reader.diagnostics)
    }
}
