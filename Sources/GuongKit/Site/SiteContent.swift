/// Everything read from a site's `content/`: configuration, schema, units, profiles and pages,
/// with every problem found on the way.
public struct SiteContent: Sendable {
    public var config: SiteConfig?
    public var schema: RegistrationSchema?
    public var units: [Unit]
    /// Every profile that passed the check, drafts included, ordered by source path.
    public var profiles: [Profile]
    public var pages: [Page]
    /// The number of profile files read, whether they passed or not.
    public var profileFileCount: Int
    /// Sorted, every file's problems together.
    public var diagnostics: [Diagnostic]
    /// The files that say `draft: true`, whether they passed or not (see `draftPaths`).
    public var drafts: [String] = []
    /// The parse cache being saved, when the loader was asked not to wait for it
    /// (`SiteLoader.waitsForParseCacheSave`): whoever loaded waits for it before the process ends.
    package var parseCacheSaving: Deferred<Void>?

    public var unitsByID: [String: Unit] { Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }) }
}

/// Why a folder cannot be read as a site at all (as opposed to a site with problems).
public enum SiteError: Error, Equatable, Sendable {
    /// There is no `content/` folder here.
    case notASite(path: String)
    /// A file named on the command line does not exist.
    case fileNotFound(path: String)
}
