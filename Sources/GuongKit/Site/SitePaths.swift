/// The site's URL scheme (docs/design.md, "The site"): paths relative to the base URL, each ending in `/`.
public enum SitePaths {
    public static let home = ""
    public static let fields = "linh-vuc/"
    public static let years = "nam/"
    public static let units = "don-vi/"
    public static let registration = "dang-ky/"
    public static let search = "tim-kiem/"
    public static let honours = "khen-thuong/"
    public static let feed = "feed.xml"
    public static let sitemap = "sitemap.xml"
    public static let data = "du-lieu/dien-hinh.json"
    public static let notFound = "404.html"
    /// The submission form, and the guide for schools with its template files.
    public static let submission = "gui-ho-so/"
    public static let guide = "huong-dan/"
    public static let assets = "assets/"

    public static func profile(_ slug: String) -> String { "dien-hinh/\(slug)/" }

    /// A profile's photo sits beside its page under a fixed name: `dien-hinh/<slug>/anh.jpg`.
    public static func photo(of profile: Profile) -> String {
        profile.photo.map { profile.slug.isEmpty ? "" : self.profile(profile.slug) + "anh." + $0.pathExtension.lowercased() } ?? ""
    }
    public static func field(_ field: Field) -> String { "linh-vuc/\(field.id)/" }
    public static func year(_ year: Int) -> String { "nam/\(year)/" }
    public static func unit(_ id: String) -> String { "don-vi/\(id)/" }
    /// The district's annex of a year, and a unit's own annex of a year.
    public static func registrationYear(_ year: Int) -> String { "dang-ky/\(year)/" }
    public static func unitAnnex(_ id: String, _ year: Int) -> String { "don-vi/\(id)/dang-ky/\(year)/" }
    public static func page(_ slug: String) -> String { "\(slug)/" }

    public static func kind(_ kind: ProfileKind) -> String {
        switch kind {
        case .collective: "tap-the/"
        case .individual: "ca-nhan/"
        }
    }

    /// Page `number` of a paginated listing at `path`: the first page is the listing itself.
    public static func paged(_ path: String, _ number: Int) -> String {
        number <= 1 ? path : path + "trang/\(number)/"
    }

    /// The first segments the site itself uses; a free page may not take one.
    public static let reserved: Set<String> = [
        "dien-hinh", "linh-vuc", "nam", "tap-the", "ca-nhan", "don-vi", "dang-ky", "khen-thuong", "tim-kiem", "du-lieu", "assets", "trang",
        "gui-ho-so", "huong-dan",
    ]

    /// The file a path is written to: `nam/2022/` → `nam/2022/index.html`.
    public static func file(for path: String) -> String {
        path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }
}
