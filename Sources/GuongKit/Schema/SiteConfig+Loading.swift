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
        return (config, reader.diagnostics)
    }
}
