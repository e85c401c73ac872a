import Foundation
import GuongKit

/// The templates, assets and UI strings pages are made from: the site's `theme/` folder over the
/// default theme compiled into the binary, file by file, so a site overrides only what it changes.
public struct Theme: Sendable {
    /// The templates as written, by name (`templates/card.mustache` is `card`).
    let templateSources: [String: String]
    /// UI strings by key (`theme/strings.yaml`).
    public var strings: [String: String]
    /// Asset files by path below `assets/`, as bytes.
    public var assets: [String: Data]
    /// The templates compiled: what renders every page.
    let compiled: CompiledTemplates
    /// Of the UI strings, which every page is given.
    var stringsFingerprint: Fingerprint {
        var hasher = FingerprintHasher()
        for (key, value) in strings.sorted(by: { $0.key < $1.key }) {
            hasher.add(key)
            hasher.add(value)
        }
        return hasher.finalize()
    }

    /// Of each template with every partial it renders with: a page's fingerprint holds those of its own
    /// template and of the layout, so editing a template renders again only the pages that use it.
    func templateFingerprints() -> [String: Fingerprint] {
        var result: [String: Fingerprint] = [:]
        for name in templateSources.keys {
            var hasher = FingerprintHasher()
            for used in compiled.templatesUsed(by: name) {
                hasher.add(used)
                hasher.add(templateSources[used] ?? "")
            }
            result[name] = hasher.finalize()
        }
        return result
    }
    /// Told of every template rendered and its root value: how the tests compare each rendering of a
    /// real site with swift-mustache's. Nil in the tool.
    var renderTap: (@Sendable (String, TemplateValue) -> Void)?
    /// The guide for schools, Markdown, which `/huong-dan/` renders (`guide/gui-ho-so.md`; `docs/huong-dan/` links it).
    public var guide = ""
    package static let guideFile = "guide/gui-ho-so.md"

    /// Why a theme could not be used.
    public struct Problem: Error, Sendable {
        public var diagnostic: Diagnostic
    }

    /// Loads the theme of the site at `siteRoot`, falling back to the built-in one for every file it lacks.
    public static func load(siteRoot: URL, displayRoot: String = "") throws(Problem) -> Theme {
        // As `SiteLoader` takes it: a folder, with or without its final slash.
        let displayRoot = displayRoot.isEmpty || displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/"
        var files = DefaultTheme.files
        var origins: [String: String] = [:]
        let themeRoot = siteRoot.appendingPathComponent("theme", isDirectory: true)
        for (path, data) in siteFiles(in: themeRoot) {
            files[path] = data
            origins[path] = displayRoot + "theme/" + path
        }
        func location(_ path: String) -> SourceLocation { SourceLocation(path: origins[path] ?? "(giao diện mặc định) " + path) }

        var sources: [String: String] = [:]
        var paths: [String: String] = [:]
        for (path, data) in files where path.hasPrefix("templates/") && path.hasSuffix(".mustache") {
            let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            sources[name] = String(decoding: data, as: UTF8.self)
            paths[name] = path
        }
        let compiled: CompiledTemplates
        do {
            compiled = try CompiledTemplates.compile(sources)
        } catch {
            let at = location(paths[error.template] ?? error.template).at(line: error.problem.line, column: error.problem.column)
            throw Problem(diagnostic: .themeTemplate(at, name: error.template, error.problem.reason))
        }
        // A site's strings.yaml overrides the default one key by key, so a key it leaves out keeps its default.
        var strings: [String: String] = [:]
        for (data, origin) in [(DefaultTheme.files["strings.yaml"], "strings.yaml"),
                               (origins["strings.yaml"] == nil ? nil : files["strings.yaml"], "strings.yaml")] {
            guard let data else { continue }
            let text = String(decoding: data, as: UTF8.self).precomposedStringWithCanonicalMapping
            do {
                for pair in try YAMLReader().read(text, path: location(origin).path)?.pairs ?? [] {
                    if let key = pair.key.scalar, let value = pair.value.scalar { strings[key] = value }
                }
            } catch {
                throw Problem(diagnostic: Diagnostic(yamlProblem: error))
            }
        }
        let assets = files.filter { $0.key.hasPrefix("assets/") }
        var theme = Theme(templateSources: sources, strings: strings,
                     assets: Dictionary(uniqueKeysWithValues: assets.map { (String($0.key.dropFirst("assets/".count)), $0.value) }),
                     compiled: compiled)
        theme.guide = files[Self.guideFile].map { String(decoding: $0, as: UTF8.self).precomposedStringWithCanonicalMapping } ?? ""
        return theme
    }

    /// Renders `template` with `value` into `output`; a template the theme lacks renders as nothing.
    func render(_ template: String, _ value: TemplateValue, memo: PartialMemo? = nil, into output: inout RenderBuffer) {
        renderTap?(template, value)
        compiled.render(template, value, memo: memo, into: &output)
    }

    /// Renders `prerendered`, the template `template` with its constant runs rendered once, with `value`.
    func render(_ template: String, _ prerendered: PrerenderedTemplate, _ value: TemplateValue, into output: inout RenderBuffer) {
        renderTap?(template, value)
        compiled.render(prerendered, value, into: &output)
    }

    /// Renders `template` with `value` as text.
    func render(_ template: String, _ value: TemplateValue) -> String {
        var output = RenderBuffer()
        render(template, value, into: &output)
        return output.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Regular files below `root`, by relative path, sorted; hidden files are skipped.
    /// The preview reads a theme the same way to sign it.
    package static func siteFiles(in root: URL) -> [(String, Data)] {
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
        ) else { return [] }
        var result: [(String, Data)] = []
        let prefix = root.standardizedFileURL.path + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                  let data = try? Data(contentsOf: url) else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(prefix) else { continue }
            result.append((String(path.dropFirst(prefix.count)), data))
        }
        return result.sorted { $0.0 < $1.0 }
    }
}
