import Foundation
import GuongKit
import GuongRender

extension PreviewSite {
    /// Takes in changed paths (files or folders, existing or gone): re-reads what they touch.
    /// `rescan` lists `content/profiles/` again, for changes a watcher could not pin to files.
    func update(changed paths: Set<String>, rescan: Bool = false) {
        let root = loader.root.path + "/"
        var settingsChanged = false, pagesChanged = false, themeChanged = false, rescan = rescan
        var profileURLs: [URL] = []
        var otherFiles: Set<String> = []
        for path in paths {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            guard url.path.hasPrefix(root) else { continue }
            let relative = String(url.path.dropFirst(root.count))
            if SiteLoader.settingsFiles.contains(relative) {
                settingsChanged = true
            } else if relative == "content" || relative == "content/profiles" {
                rescan = true
                settingsChanged = true
                pagesChanged = true
            } else if relative.hasPrefix("content/pages") {
                pagesChanged = true
            } else if relative.hasPrefix("content/profiles/") {
                let type = url.pathExtension.lowercased()
                if ["md", "markdown"].contains(type) {
                    profileURLs.append(url)
                } else if Self.photoTypes.contains(type) {
                    otherFiles.insert(url.path)
                } else if Self.isFolder(url) {
                    rescan = true  // a folder that came may hold profiles (one that went is reported as such)
                }
                // Anything else (an editor's temporary file) cannot change the site.
            } else if relative == "theme" || relative.hasPrefix("theme/") {
                themeChanged = true
            }
        }
        if settingsChanged || pagesChanged || themeChanged || rescan { beyondEdits = true }
        var reparseAll = false
        if settingsChanged {
            let parserSignature = settings.parserSignature
            settings = loader.loadSettings()
            // Another schema or other units: every profile is read again (and those never read while they were broken).
            reparseAll = settings.parserSignature != parserSignature
        }
        if pagesChanged { pages = loader.loadPages() }
        if themeChanged {
            theme = Result { () throws(Theme.Problem) in try Theme.load(siteRoot: options.siteRoot, displayRoot: options.displayRoot) }
            themeSignatures = ThemeSignatures(siteRoot: options.siteRoot)
        }
        if rescan || reparseAll {
            let files = loader.markdownFiles(in: "content/profiles")
            let current = Set(files.map(\.url.path))
            for gone in profiles.keys where !current.contains(gone) {
                profiles[gone] = nil
                sortedPaths = nil
            }
            parse(reparseAll ? files : files.filter { profiles[$0.url.path] == nil })
        }
        var reparse: [ContentFile] = []
        for url in profileURLs {
            if let file = loader.profileFile(at: url) {
                reparse.append(file)
            } else if profiles.removeValue(forKey: url.path) != nil {
                beyondEdits = true
                sortedPaths = nil
            }
        }
        if !otherFiles.isEmpty {
            // A photo that changed, came or went: its bytes go out again, and profiles that name it are checked again.
            for path in otherFiles { photoVersions[path, default: 0] += 1 }
            let photoCodes: Set<DiagnosticCode> = [.photoMissing, .photoOutside, .photoType, .photoTooLarge, .photoTooManyPixels,
                                                   .photoCorrupt, .photoMetadataTooLarge, .photoCacheUnwritable]
            reparse += profiles.values.filter { entry in
                entry.profile?.photo.map { otherFiles.contains($0.path) } == true
                    || entry.diagnostics.contains { photoCodes.contains($0.code) }
            }.map(\.file)
        }
        parse(reparse)
    }

    /// What `photo:` may name (ProfileParser's list), so other files' changes are ignored.
    static let photoTypes: Set<String> = ["jpg", "jpeg", "png", "webp", "svg", "gif", "heic", "heif"]

    static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Parses `files` (in parallel) into `profiles`.
    func parse(_ files: [ContentFile]) {
        guard let schema = settings.schema, !files.isEmpty else { return }
        var reader = ProfileParser(schema: schema, units: Dictionary(settings.units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                                   contentRoot: loader.contentRoot, limits: loader.limits, photos: loader.photos)
        reader.draftProblemsAreWarnings = !options.includeDrafts
        let parser = reader
        let results = files.parallelMap { file in
            let (profile, diagnostics) = parser.parse(file)
            return ParsedProfile(file: file, profile: profile, diagnostics: diagnostics, signature: profile.map(Self.signature) ?? 0)
        }
        for result in results {
            let key = result.file.url.path
            if let old = profiles[key] {
                if editedSinceBuild[key] == nil { editedSinceBuild[key] = old }
            } else {
                beyondEdits = true
                sortedPaths = nil
            }
            profiles[key] = result
        }
        recentlyParsed.formUnion(files.map(\.displayPath))
    }
}
