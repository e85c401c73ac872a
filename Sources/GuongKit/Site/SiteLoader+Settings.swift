import Foundation

/// The site's settings on their own, for commands that need the schema and units without the profiles
/// (`guong new`, intake).
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

    /// The file at `relativePath` of the site, named as diagnostics name it.
    package func contentFile(_ relativePath: String) -> ContentFile {
        ContentFile(url: root.appendingPathComponent(relativePath).standardizedFileURL, displayPath: displayRoot + relativePath)
    }
}
