/// The department's identity and contacts (`site.yaml`): one set of keys, read by the site's footer, the
/// printed registration annex and the submission form.
public struct SiteIdentity: Sendable, Equatable {
    /// The governing body printed above the department on formal documents (`cơ quan chủ quản`).
    public var parentAgency: String = ""
    public var address: String = ""
    public var phone: String = ""
    public var email: String = ""
    /// Who answers for the site's content (`đơn vị chịu trách nhiệm`), shown in the footer.
    public var responsible: String = ""
    /// The department's portal, linked back to from every page; empty when not set.
    public var portalURL: String = ""
    public var portalName: String = ""
    /// An optional logo: a path under the theme's `assets/` folder.
    public var logo: String = ""
    /// The place name of a document's date line ("Hóc Môn, ngày … tháng … năm …").
    public var place: String = ""
    /// The national motto block of printed forms: quốc hiệu and tiêu ngữ.
    public var nation: String = ""
    public var motto: String = ""

    public init() {}
}
