/// Bounds on what one site may hand us; schools' files are untrusted.
public struct Limits: Sendable {
    /// Bytes in one profile or page file.
    public var fileBytes = 512 * 1024
    /// Bytes of front matter.
    public var frontMatterBytes = 16 * 1024
    /// Nesting of block quotes and lists in a body.
    public var markdownDepth = 32
    /// Bytes in one photo: a phone's photo (3–8 MB) fits; what is published is made small anyway.
    public var photoBytes = 20 * 1024 * 1024
    /// Profiles in one site.
    public var profiles = 200_000
    /// Bytes of one URL segment made from a value (a slug, a unit or field id, a page's name): a name
    /// is at most 255 bytes, and a namesake's slug takes its unit's id as a suffix (120 + 1 + 120).
    public var pathSegmentBytes = 120

    public init() {}
}
