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
            case .success(let url): config.baseURL = url
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

/// The base URL a site is published under.
public enum BaseURL {
    /// An absolute http(s) URL or a root-relative path, ending in `/`; or why it is not acceptable.
    public static func normalise(_ text: String) -> Result<String, InvalidBaseURL> {
        var url = text.trimmingCharacters(in: .whitespaces)
        let lower = url.lowercased()
        let absolute = lower.hasPrefix("https://") || lower.hasPrefix("http://")
        guard absolute || url.hasPrefix("/") else {
            return .failure(InvalidBaseURL(reason: "địa chỉ gốc \"\(text)\" phải bắt đầu bằng https:// (hoặc / cho đường dẫn tương đối)."))
        }
        let forbidden = CharacterSetOfURL.forbidden
        guard !url.unicodeScalars.contains(where: { forbidden.contains($0) }), !url.contains("?"), !url.contains("#") else {
            return .failure(InvalidBaseURL(reason: "địa chỉ gốc \"\(text)\" có ký tự không hợp lệ (khoảng trắng, dấu ngoặc, ?, #)."))
        }
        if absolute {
            let afterScheme = url.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
            guard afterScheme.count >= 3, !afterScheme[2].isEmpty else {
                return .failure(InvalidBaseURL(reason: "địa chỉ gốc \"\(text)\" thiếu tên máy chủ."))
            }
        }
        if !url.hasSuffix("/") { url += "/" }
        return .success(url)
    }

    /// The path part of a base URL: `https://host/a/b/` → `/a/b/`.
    public static func path(of baseURL: String) -> String {
        guard let schemeEnd = baseURL.range(of: "://") else { return baseURL }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }
}

private enum CharacterSetOfURL {
    static let forbidden: Set<Unicode.Scalar> = [" ", "\t", "\n", "\"", "'", "<", ">", "\\", "`", "{", "}", "|", "^"]
}

/// Why a base URL was refused, in Vietnamese.
public struct InvalidBaseURL: Error, Sendable {
    public var reason: String
}
