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
    /// Keep the bytes each profile and photo was checked on (`Profile.checkedBytes`).
    public var keepsCheckedBytes = false
    /// When the whole site is loaded, a draft's problems are warnings (see `ProfileParser`); a build that
    /// publishes drafts (`--drafts`) turns this off.
    public var draftsAreWarnings = true
    /// Profiles parsed by an earlier load of this loader's site, for a process that loads it again and again
    /// (the preview); nil in a build.
    package var profileCache: ProfileCache?
    /// Keep profiles' parses in `.guong-cache/parses` and parse only the files changed since (`ParseCache`):
    /// a build does, when it loads the whole site without keeping checked bytes.
    package var keepsParseCache = false
    /// Whether `load` returns only once the parse cache is saved (the default). A build instead takes the save
    /// in `SiteContent.parseCacheSaving` and waits for it once its pages are written, before the output is
    /// swapped in: the save then fills the moments the rules, the theme and the model leave a core idle.
    package var waitsForParseCacheSave = true
    /// Now, in seconds since 1970: files changed shortly before the load began are not cached. Tests move it.
    package var clock: @Sendable () -> Double = { Date().timeIntervalSince1970 }

    public init(root: URL, displayRoot: String = "", limits: Limits = Limits()) {
        self.root = root.standardizedFileURL
        self.displayRoot = displayRoot.isEmpty || displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/"
        self.limits = limits
        photos = PhotoStore(siteRoot: self.root)
    }

    package var contentRoot: URL { root.appendingPathComponent("content", isDirectory: true) }

    /// Loads the whole site, or only `files` (profiles submitted on their own) against its schema and units.
    /// Named files are checked together with the site's own profiles unless `alone` (intake does its own
    /// matching against the site, and wants a duplicate as a conflict, not an error).
    public func load(only files: [URL]? = nil, alone: Bool = false) throws(SiteError) -> SiteContent {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentRoot.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notASite(path: displayRoot.isEmpty ? "." : displayRoot)
        }
        let started = clock()
        var diagnostics: [Diagnostic] = []
        // Named files are checked against the site's own profiles too (a duplicate of one, a head of unit
        // whose collective is already in), but only their own problems are reported. The profiles' folder is
        // listed on another thread while the three settings files are read here.
        let loader = self
        let scanning = files != nil && alone ? Deferred(ready: ([], [], [])) : Deferred { PhaseTimings.measure("scan profiles") { loader.scanMarkdownFiles(in: "content/profiles") } }
        let (config, configProblems) = SiteConfig.load(file("content/site.yaml"), limits: limits)
        let (schema, schemaProblems) = RegistrationSchema.load(file("content/registration.yaml"), limits: limits)
        let (units, unitProblems) = Unit.loadAll(file("content/units.yaml"), limits: limits)
        diagnostics += configProblems + schemaProblems + unitProblems

        let scan: (files: [ContentFile], linksOutside: [String], documents: [String]) = scanning.value
        let siteFiles = scan.files
        // A link out of content/, or a profile saved as a Word file, is not read, and not in silence.
        if files == nil {
            diagnostics += scan.linksOutside.map { .fileLinkOutside(SourceLocation(path: $0)) }
            diagnostics += scan.documents.map { .fileIgnored(SourceLocation(path: $0)) }
        }
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
        var drafts: [String] = []
        var parseCacheSaving: Deferred<Void>?
        if profileFiles.count > limits.profiles {
            diagnostics.append(.tooManyProfiles(file("content/profiles").whole, count: profileFiles.count, limit: limits.profiles))
        } else if let schema {
            var reader = ProfileParser(schema: schema, units: Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                                       contentRoot: contentRoot, limits: limits, photos: photos)
            reader.draftProblemsAreWarnings = draftsAreWarnings && files == nil
            reader.keepsCheckedBytes = keepsCheckedBytes
            let parser = reader
            let cache = files == nil ? profileCache : nil
            if let cache {
                cache.begin(key: parseKey(parser))
                cache.keep(only: Set(profileFiles.map(\.url.path)))
            }
            let results: [ProfileCache.Result]
            /// The parse cache being saved while the rest of the loading runs: joined before `load` returns, or
            /// handed to the caller (`waitsForParseCacheSave`), which joins it when it is done rendering.
            var saving: Deferred<Void>?
            if cache == nil, files == nil, keepsParseCache, !keepsCheckedBytes {
                let url = ParseCache.location(siteRoot: root)
                let key = parseKey(parser)
                let diskCache = PhaseTimings.measure("parse cache load") { ParseCache.load(url, key: key) }
                let (found, _) = PhaseTimings.measure("parse profiles") {
                    diskCache.results(for: profileFiles, started: started, reuse: { result in
                        // A cached profile's photo is used only while the photo cache still holds its files.
                        guard let prepared = result.profile?.preparedPhoto else { return result }
                        guard let current = photos?.stillHolds(prepared) else { return nil }
                        // Most often the very photo kept: a profile is changed (new storage) only when it is not.
                        guard current != prepared else { return result }
                        var result = result
                        result.profile?.preparedPhoto = current
                        return result
                    }, update: { next in
                        // Saved beside the rest of the loading, from the moment the parses are known.
                        saving = Deferred { PhaseTimings.measure("parse cache save") { next.save(to: url) } }
                    }) { parser.parseNotingDraft($0) }
                }
                results = found
            } else {
                results = PhaseTimings.measure("parse profiles") {
                    profileFiles.parallelMap { file in
                        cache.map { $0.result(for: file, parse: parser.parseNotingDraft) } ?? parser.parseNotingDraft(file)
                    }
                }
            }
            drafts = zip(profileFiles, results).filter { $0.1.isDraft }.map(\.0.displayPath)
            profiles = results.compactMap(\.profile)
            var profileProblems = results.flatMap(\.diagnostics)
            profileProblems += PhaseTimings.measure("rules across files") {
                let rules = SiteRules(schema: schema, units: units)
                // Files refused for their errors (few: read again) are still compared with the accepted ones.
                let refused = zip(profileFiles, results).filter { $0.1.profile == nil && !$0.1.isDraft && $0.1.diagnostics.hasErrors }
                    .compactMap { parser.refusedProfile($0.0) }
                return rules.duplicates(of: refused, among: profiles)
                    + rules.apply(to: &profiles, draftsAreWarnings: parser.draftProblemsAreWarnings)
            }
            if let reported {
                profileProblems = profileProblems.filter { reported.contains($0.location.path) }
                profiles = profiles.filter { reported.contains($0.sourcePath) }
                drafts = drafts.filter { reported.contains($0) }
            }
            diagnostics += profileProblems
            // Every photo of the site was prepared: the cache keeps exactly those.
            PhaseTimings.measure("photo cache") { photos?.finish(removingUnused: files == nil) }
            if waitsForParseCacheSave { _ = saving?.value } else { parseCacheSaving = saving }
        }

        var pages: [Page] = []
        if files == nil {
            let pageScan = scanMarkdownFiles(in: "content/pages")
            diagnostics += pageScan.linksOutside.map { .fileLinkOutside(SourceLocation(path: $0)) }
            diagnostics += pageScan.documents.map { .fileIgnored(SourceLocation(path: $0)) }
            let (read, problems) = readPages(pageScan.files)
            pages = read
            diagnostics += problems
        }
        var content = SiteContent(config: config, schema: schema, units: units, profiles: profiles, pages: pages,
                                   profileFileCount: files == nil ? profileFiles.count : namedFiles.count, diagnostics: diagnostics.sorted(),
                                   drafts: drafts)
        content.parseCacheSaving = parseCacheSaving
        return content
    }

    /// What every profile's parse depends on besides its file: the executable, the settings files, where the
    /// site is and how it is shown, the parser's options. Keys both the preview's `ProfileCache` and the
    /// build's `ParseCache`.
    private func parseKey(_ parser: ProfileParser) -> Fingerprint {
        var key = FingerprintHasher()
        key.add(ExecutableIdentity.fingerprint)
        for name in ["site.yaml", "registration.yaml", "units.yaml"] {
            key.add(FileManager.default.contents(atPath: contentRoot.appendingPathComponent(name).path).map([UInt8].init) ?? [0xFF])
        }
        key.add(root.path)
        key.add(displayRoot)
        key.add(parser.draftProblemsAreWarnings)
        key.add(keepsCheckedBytes)
        key.add(String(describing: limits))
        key.add(photos == nil)
        return key.finalize()
    }

    private func file(_ relativePath: String) -> ContentFile {
        ContentFile(url: root.appendingPathComponent(relativePath), displayPath: displayRoot + relativePath)
    }

    /// The `.md` files below a folder of the site, sorted; hidden files and `_`-prefixed templates are skipped,
    /// and so are links that lead out of `content/`.
    package func markdownFiles(in relativeFolder: String) -> [ContentFile] {
        scanMarkdownFiles(in: relativeFolder).files
    }

    /// `markdownFiles(in:)`, the files skipped because they are links leading out of `content/`, and documents
    /// that look like a profile saved in another format (`hoso.docx`, `hoso.md.txt`), all as shown.
    func scanMarkdownFiles(in relativeFolder: String) -> (files: [ContentFile], linksOutside: [String], documents: [String]) {
        let folder = root.appendingPathComponent(relativeFolder, isDirectory: true)
        let contentPath = contentRoot.resolvingSymlinksInPath().path + "/"
        // Links to folders are not followed, so a file that is no link lies where the folder really is;
        // only links are resolved, each costing a system call per component of its path.
        let folderIsInside = (folder.resolvingSymlinksInPath().path + "/").hasPrefix(contentPath)
        let entries = FolderWalk.files(in: folder.path).filter { !$0.name.hasPrefix("_") }
        let candidates = entries.filter { Self.isMarkdownName($0.name) }
        let prefix = displayRoot + relativeFolder + "/"
        let documents = entries.filter { !Self.isMarkdownName($0.name) && Self.isDocumentName($0.name) }.map { prefix + $0.path }.sorted()
        let folderPath = folder.path
        let files = candidates.parallelMap { entry -> (file: ContentFile, inside: Bool) in
            let path = folderPath + "/" + entry.path
            let inside = entry.isLink ? URL(fileURLWithPath: path).resolvingSymlinksInPath().path.hasPrefix(contentPath) : folderIsInside
            return (ContentFile(path: path, displayPath: prefix + entry.path), inside)
        }
        return (files.filter { $0.inside }.map { $0.file }.sorted { $0.displayPath < $1.displayPath },
                files.filter { !$0.inside }.map { $0.file.displayPath }.sorted(), documents)
    }

    /// Formats a profile is often saved in by mistake; photos and other files beside profiles are not named.
    static func isDocumentName(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return ["docx", "doc", "odt", "rtf", "txt", "pdf", "htm", "html", "pages"].contains(name[name.index(after: dot)...].lowercased())
    }

    /// Whether a file name ends in `.md` or `.markdown`, in any case (by bytes: ten thousand names).
    package static func isMarkdownName(_ name: String) -> Bool {
        let utf8 = name.utf8
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")) else { return false }
        let suffix = utf8[utf8.index(after: dot)...]
        let lowercase = { (byte: UInt8) in (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
        return suffix.map(lowercase).elementsEqual("md".utf8) || suffix.map(lowercase).elementsEqual("markdown".utf8)
    }
}
