import Foundation

/// The parts of `SiteLoader.load()` the preview server needs one at a time, so a change re-reads only
/// what it touched. Each mirrors the corresponding step of `load()`.
extension SiteLoader {
    /// `content/site.yaml`, `registration.yaml` and `units.yaml`, with a signature of their bytes.
    package struct Settings {
        package var config: SiteConfig?
        package var schema: RegistrationSchema?
        package var units: [Unit]
        package var diagnostics: [Diagnostic]
        /// Changes when any of the three files does.
        package var signature: Int
        /// Changes when the schema or the units do, that is when every profile must be parsed again.
        package var parserSignature: Int
    }

    package static let settingsFiles = ["content/site.yaml", "content/registration.yaml", "content/units.yaml"]

    package func loadSettings() -> Settings {
        let (config, configProblems) = SiteConfig.load(contentFile(Self.settingsFiles[0]), limits: limits)
        let (schema, schemaProblems) = RegistrationSchema.load(contentFile(Self.settingsFiles[1]), limits: limits)
        let (units, unitProblems) = Unit.loadAll(contentFile(Self.settingsFiles[2]), limits: limits)
        let bytes = Self.settingsFiles.map { try? Data(contentsOf: root.appendingPathComponent($0)) }
        var all = Hasher(), parser = Hasher()
        for data in bytes { all.combineBytes(of: data) }
        for data in bytes.dropFirst() { parser.combineBytes(of: data) }
        return Settings(config: config, schema: schema, units: units,
                        diagnostics: configProblems + schemaProblems + unitProblems,
                        signature: all.finalize(), parserSignature: parser.finalize())
    }

    /// The free pages of `content/pages/`, in menu order, with a signature of their bytes.
    package func loadPages() -> (pages: [Page], diagnostics: [Diagnostic], signature: Int) {
        let files = markdownFiles(in: "content/pages")
        let (pages, diagnostics) = readPages(files)
        var hasher = Hasher()
        for file in files {
            hasher.combine(file.displayPath)
            hasher.combineBytes(of: try? Data(contentsOf: file.url))
        }
        return (pages, diagnostics, hasher.finalize())
    }

    /// The file at `relativePath` of the site, named as diagnostics name it.
    package func contentFile(_ relativePath: String) -> ContentFile {
        ContentFile(url: root.appendingPathComponent(relativePath).standardizedFileURL, displayPath: displayRoot + relativePath)
    }

    /// The profile file at `url` if `load()` would read it: a `.md` below `content/profiles/`, not hidden,
    /// not a `_` template, not a link that leads out of `content/`.
    package func profileFile(at url: URL) -> ContentFile? {
        let url = url.standardizedFileURL
        let profilesPath = root.appendingPathComponent("content/profiles").standardizedFileURL.path + "/"
        guard url.path.hasPrefix(profilesPath) else { return nil }
        let below = url.path.dropFirst(profilesPath.count).split(separator: "/")
        guard let name = below.last, !below.contains(where: { $0.hasPrefix(".") }), !name.hasPrefix("_"),
              ["md", "markdown"].contains(url.pathExtension.lowercased()) else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        guard url.resolvingSymlinksInPath().path.hasPrefix(contentRoot.resolvingSymlinksInPath().path + "/") else { return nil }
        return contentFile(String(url.path.dropFirst(root.path.count + 1)))
    }
}
