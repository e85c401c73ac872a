/// The site's settings (`content/site.yaml`).
public struct SiteConfig: Sendable {
    public var title: String
    public var department: String
    public var description: String
    /// Absolute base URL, always ending in `/` (`https://host/sub/folder/`).
    public var baseURL: String
    public var language: String
    /// Items per page on long index pages.
    public var pageSize: Int
    /// The department's contacts and the motto block of printed forms.
    public var identity = SiteIdentity()

    public init(title: String, department: String, description: String = "", baseURL: String = "/",
                language: String = "vi", pageSize: Int = 20) {
        self.title = title
        self.department = department
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.pageSize = pageSize
    }
}
