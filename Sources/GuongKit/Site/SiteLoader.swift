import Foundation

/// Reads a site folder: configuration first, then every profile in parallel, then the rules across files.
public struct SiteLoader: Sendable {
    /// The site folder (holding `content/`).
    public var root: URL
    /// Prefix for paths in diagnostics: "" when the site is the working folder, else the folder as the user named it.
    public var displayRoot: String
    public var limits: Limits
    /// Checks and prepares photos, caching them in `.guong-cache/photos/` at the site's root.
    public var photos: PhotoStore?

    public init(root: URL, displayRoot: String = "", limits: Limits = Limits()) {
        self.root = root.standardizedFileURL
        self.displayRoot = displayRoot.isEmpty || displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/"
        self.limits = limits
        photos = PhotoStore(siteRoot: self.root)
    }

    var contentRoot: URL { root.appendingPathComponent("content", isDirectory: true) }

    /// Loads the whole site, or only `files` (profiles submitted on their own) against its schema and units.
    /// Named files are checked together with the site's own profiles unless `alone` (intake does its own
    /// matching against the site, and wants a duplicate as a conflict, not an error).
    public func load(only files: [URL]? = nil, alone: Bool = false) throws(SiteError) -> SiteContent {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentRoot.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notASite(path: displayRoot.isEmpty ? "." : displayRoot)
        }
        var diagnostics: [Diagnostic] = []
        let (config, configProblems) = SiteConfig.load(file("content/site.yaml"), limits: limits)
        let (schema, schemaProblems) = RegistrationSchema.load(file("content/registration.yaml"), limits: limits)
        let (units, unitProblems) = Unit.loadAll(file("content/units.yaml"), limits: limits)
        diagnostics += configProblems + schemaProblems + unitProblems

        // Named files are checked against the site's own profiles too (a duplicate of one, a head of unit
        // whose collective is already in), but only their own problems are reported.
        let siteFiles = files != nil && alone ? [] : markdownFiles(in: "content/profiles")
        var namedFiles: [ContentFile] = []
        if let files {
            namedFiles = try files.map { url throws(SiteError) in
                guard FileManager.default.fileExists(atPath: url.path) else { throw .fileNotFound(path: url.relativePath) }
                return ContentFile(url: url.standardizedFileURL, displayPath: url.relativePath)
            }
        }
        let namedURLs = Set(namedFiles.map { $0.url.resolvingSymlinksInPath() })
        let profileFiles = files == nil ? siteFiles : siteFiles.filter { !namedURLs.contains($0.url.resolvingSymlinksInPath()) } + namedFiles
        let reported = files == nil ? nil : Set(namedFiles.map(\.displayPath))

        var profiles: [Profile] = []
        if profileFiles.count > limits.profiles {
            diagnostics.append(.tooManyProfiles(file("content/profiles").whole, count: profileFiles.count, limit: limits.profiles))
        } else if let schema {
            let parser = ProfileParser(schema: schema, units: Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                                       contentRoot: contentRoot, limits: limits, photos: photos)
            let results = profileFiles.parallelMap { parser.parse($0) }
            profiles = results.compactMap(\.profile)
            var profileProblems = results.flatMap(\.diagnostics)
            profileProblems += SiteRules(schema: schema, units: units).apply(to: &profiles)
            if let reported {
                profileProblems = profileProblems.filter { reported.contains($0.location.path) }
                profiles = profiles.filter { reported.contains($0.sourcePath) }
            }
            diagnostics += profileProblems
            // Every photo of the site was prepared: the cache keeps exactly those.
            photos?.finish(removingUnused: files == nil)
        }

        var pages: [Page] = []
        if files == nil {
            for pageFile in markdownFiles(in: "content/pages") {
                let (page, problems) = Page.load(pageFile, limits: limits, contentRoot: contentRoot)
                if let page { pages.append(page) }
                diagnostics += problems
            }
            pages.sort { ($0.order, $0.slug) < ($1.order, $1.slug) }
        }
        return SiteContent(config: config, schema: schema, units: units, profiles: profiles, pages: pages,
                           profileFileCount: files == nil ? profileFiles.count : namedFiles.count, diagnostics: diagnostics.sorted())
    }

    private func file(_ relativePath: String) -> ContentFile {
        ContentFile(url: root.appendingPathComponent(relativePath), displayPath: displayRoot + relativePath)
    }

    /// The `.md` files below a folder of the site, sorted; hidden files and `_`-prefixed templates are skipped,
    /// and so are links that lead out of `content/`.
    func markdownFiles(in relativeFolder: String) -> [ContentFile] {
        let folder = root.appendingPathComponent(relativeFolder, isDirectory: true)
        let contentPath = contentRoot.resolvingSymlinksInPath().path + "/"
        // Links to folders are not followed, so a file that is no link lies where the folder really is;
        // only links are resolved, each costing a system call per component of its path.
        let folderIsInside = (folder.resolvingSymlinksInPath().path + "/").hasPrefix(contentPath)
        let candidates = FolderWalk.files(in: folder.path).filter { Self.isMarkdownName($0.name) && !$0.name.hasPrefix("_") }
        let prefix = displayRoot + relativeFolder + "/"
        let folderPath = folder.path
        let files = candidates.parallelMap { entry -> ContentFile? in
            let path = folderPath + "/" + entry.path
            guard entry.isLink ? URL(fileURLWithPath: path).resolvingSymlinksInPath().path.hasPrefix(contentPath) : folderIsInside else {
                return nil
            }
            return ContentFile(path: path, displayPath: prefix + entry.path)
        }
        return files.compactMap { $0 }.sorted { $0.displayPath < $1.displayPath }
    }

    /// Whether a file name ends in `.md` or `.markdown`, in any case (by bytes: ten thousand names).
    static func isMarkdownName(_ name: String) -> Bool {
        let utf8 = name.utf8
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")) else { return false }
        let suffix = utf8[utf8.index(after: dot)...]
        let lowercase = { (byte: UInt8) in (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
        return suffix.map(lowercase).elementsEqual("md".utf8) || suffix.map(lowercase).elementsEqual("markdown".utf8)
    }
}
