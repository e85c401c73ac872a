import Foundation
import GuongKit
import GuongRender

/// The site as the preview server holds it: every input read once and kept file by file, and the
/// signatures of the last good build. A change re-reads only the files it names and re-renders only the
/// pages whose signature moved (`PageSignatures`). Not thread-safe: one queue owns it.
final class PreviewSite {
    struct Options: Sendable {
        var siteRoot: URL
        var displayRoot = ""
        var includeDrafts = false
        /// Injected before `</body>` of every page: the live-reload script.
        var extraBodyHTML = ""
    }

    /// One profile file as last parsed, before the rules across files.
    struct ParsedProfile {
        var file: ContentFile
        var profile: Profile?
        var diagnostics: [Diagnostic]
        /// Over everything of the profile a page shows, but its slug (the site's rules may still change it).
        var signature: Int
    }

    /// What a rebuild did.
    enum Outcome {
        /// The site was rendered: the output paths `written` and `removed`; `warnings` of the whole site.
        case built(written: [String], removed: [String], profileCount: Int, warnings: [Diagnostic])
        /// The inputs have errors: nothing was rendered, the last good site stays. Every problem, sorted.
        case failed([Diagnostic])
    }

    let options: Options
    let loader: SiteLoader
    var settings: SiteLoader.Settings
    var pages: (pages: [Page], diagnostics: [Diagnostic], signature: Int)
    var theme: Result<Theme, Theme.Problem>
    var themeSignatures: ThemeSignatures
    /// By the file's standardized absolute path.
    var profiles: [String: ParsedProfile] = [:]
    /// The keys of `profiles` in order (the order of display paths too), while no file comes or goes.
    var sortedPaths: [String]?
    var photoVersions: [String: Int] = [:]
    /// The signature of every file of the last good build, by output path.
    var built: [String: Int] = [:]
    /// Profiles parsed since the last good build, by display path: their pages are rendered first.
    var recentlyParsed: Set<String> = []
    /// The profile files edited since the last good build, as they were then, by path.
    var editedSinceBuild: [String: ParsedProfile] = [:]
    /// Set by any change other than edits of existing profiles (settings, pages, theme, profiles added or
    /// removed): the next build starts from the whole model.
    var beyondEdits = true
    /// What the last good build was made of, for patching it.
    var last: LastBuild?

    struct LastBuild {
        var renderer: SiteRenderer
        /// By model index.
        var signatures: [Int]
        /// Model index by source path.
        var indexBySource: [String: Int]
        var ruleDiagnostics: [Diagnostic]
        var settingsSignature: Int
        /// Of the whole site, as that build found them.
        var warnings: [Diagnostic]
    }

    /// Set when the last rebuild failed.
    var problems: [Diagnostic] = []

    /// Reads the whole site; `rebuild` then renders it.
    init(options: Options) throws(SiteError) {
        self.options = options
        loader = SiteLoader(root: options.siteRoot, displayRoot: options.displayRoot)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: loader.contentRoot.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notASite(path: options.displayRoot.isEmpty ? "." : options.displayRoot)
        }
        settings = loader.loadSettings()
        pages = loader.loadPages()
        theme = Result { () throws(Theme.Problem) in try Theme.load(siteRoot: options.siteRoot, displayRoot: options.displayRoot) }
        themeSignatures = ThemeSignatures(siteRoot: options.siteRoot)
        parse(loader.markdownFiles(in: "content/profiles"))
    }

    /// The base URL's path the site is served under (`/dien-hinh/`), `/` while `site.yaml` cannot be read.
    var basePath: String { settings.config.map { BaseURL.path(of: $0.baseURL) } ?? "/" }

    /// What places a profile in the model, its listings and the site's rules: while it stays the same,
    /// an edit changes only the profile's own card and page content.
    struct Placement: Hashable {
        var kind: ProfileKind, name: String, unitID: String, slug: String, slugIsExplicit: Bool
        var years: [Int], fieldCodes: [String], draft: Bool, position: String, photo: String?
        // The programme's record places a profile too: year quotas count the selected, /khen-thuong/ lists
        // honours, "Mới nhất" orders by the latest honour.
        var stages: [Int: Int], honours: [Profile.Honour], spread: [Profile.Spread], registered: SimpleDate?

        init(_ profile: Profile) {
            kind = profile.kind
            name = profile.name
            unitID = profile.unitID
            slug = profile.slug
            slugIsExplicit = profile.slugIsExplicit
            years = profile.years
            fieldCodes = profile.fieldCodes
            draft = profile.draft
            position = profile.position
            photo = profile.photo?.path
            stages = profile.stages
            honours = profile.honours
            spread = profile.spread
            registered = profile.registered
        }
    }

    /// What makes a profile the exemplar it is, and its page where it is: while it stays the same, an edit
    /// cannot change the site's rules' outcome nor the profile's address.
    struct Identity: Hashable {
        var kind: ProfileKind, name: String, unitID: String, slug: String, slugIsExplicit: Bool, draft: Bool

        init(_ profile: Profile) {
            kind = profile.kind
            name = profile.name
            unitID = profile.unitID
            slug = profile.slug
            slugIsExplicit = profile.slugIsExplicit
            draft = profile.draft
        }
    }

    /// A profile's content as its card and its page show it, slug aside.
    static func signature(of profile: Profile) -> Int {
        var hasher = Hasher()
        hasher.combine(profile.kind)
        hasher.combine(profile.name)
        hasher.combine(profile.position)
        hasher.combine(profile.unitID)
        hasher.combine(profile.fieldCodes)
        hasher.combine(profile.years)
        hasher.combine(profile.registered)
        hasher.combine(profile.stages)
        hasher.combine(profile.honours)
        hasher.combine(profile.spread)
        hasher.combine(profile.photo?.path)
        hasher.combine(profile.preparedPhoto)
        hasher.combine(profile.draft)
        hasher.combine(profile.lead.count)
        for block in profile.lead + profile.body {
            hasher.combine(block.htmlUTF8)
            hasher.combine(block.text)
        }
        hasher.combine(-1)
        for item in profile.achievements {
            hasher.combine(item.htmlUTF8)
            hasher.combine(item.text)
        }
        return hasher.finalize()
    }
}
