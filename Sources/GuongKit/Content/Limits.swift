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

    public init() {}
}
