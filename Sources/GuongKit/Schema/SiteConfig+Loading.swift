extension SiteConfig {
    /// Reads `content/site.yaml`.
    static func load(_ file: ContentFile, limits: Limits) -> (SiteConfig?, [Diagnostic]) {
        var reader = ConfigReader(file: file, limits: limits)
        guard let root = reader.root(), let title = reader.text(root, "title") else { return (nil, reader.diagnostics) }
        var config = SiteConfig(title: title, department: reader.optionalText(root, "department") ?? "")
        config.description = reader.optionalText(root, "description") ?? ""
        config.language = reader.optionalText(root, "language") ?? "vi"
        if let base = reader.optionalText(root, "base_url"), !base.isEmpty {
            switch BaseURL.normalise(base) {
            case .success(let url):
                config.baseURL = url
                if BaseURL.isRootRelative(url) { reader.diagnostics.append(.baseURLRelative(root["base_url"]!.location, baseURL: url)) }
            case .failure(let problem): reader.diagnostics.append(.configInvalid(root["base_url"]!.location, problem.reason))
            }
        }
        if root["page_size"] != nil, let size = reader.integer(root, "page_size") {
            if (1...500).contains(size) {
                config.pageSize = size
            } else {
                reader.diagnostics.append(.configInvalid(root["page_size"]!.location, "\"page_size\" phải từ 1 đến 500."))
            }
        }
        config.identity = reader.identity(root)
        return (config, reader.diagnostics)
    }
}

extension ConfigReader {
    /// The `contact:` and `national_motto:` blocks; every key optional.
    mutating func identity(_ root: YAMLNode) -> SiteIdentity {
        var identity = SiteIdentity()
        if let contact = mapping(root, "contact") {
            identity.parentAgency = optionalText(contact, "parent_agency") ?? ""
            identity.address = optionalText(contact, "address") ?? ""
            identity.phone = optionalText(contact, "phone") ?? ""
            identity.email = optionalText(contact, "email") ?? ""
            identity.responsible = optionalText(contact, "responsible") ?? ""
            identity.portalName = optionalText(contact, "portal_name") ?? ""
            identity.logo = optionalText(contact, "logo") ?? ""
            identity.place = optionalText(contact, "place") ?? ""
            if let portal = optionalText(contact, "portal"), !portal.isEmpty {
                let lower = portal.lowercased()
                if lower.hasPrefix("https://") || lower.hasPrefix("http://") {
                    identity.portalURL = portal
                } else {
                    diagnostics.append(.configInvalid(contact["portal"]!.location,
                                                      "\"portal\" phải là địa chỉ bắt đầu bằng https://, không phải \"\(portal)\"."))
                }
            }
        }
        if let motto = mapping(root, "national_motto") {
            identity.nation = optionalText(motto, "nation") ?? ""
            identity.motto = optionalText(motto, "motto") ?? ""
        }
        return identity
    }

    /// An optional mapping under `key`; a value of another shape is reported.
    mutating func mapping(_ node: YAMLNode, _ key: String) -> YAMLNode? {
        guard let value = node[key] else { return nil }
        guard value.pairs != nil else {
            diagnostics.append(.configInvalid(value.location, "\"\(key)\" phải là một nhóm khóa (key: giá trị)."))
            return nil
        }
        return value
    }
}
