import Foundation
import Mustache
import GuongKit

/// The templates, assets and UI strings pages are made from: the site's `theme/` folder over the
/// default theme compiled into the binary, file by file, so a site overrides only what it changes.
public struct Theme: Sendable {
    public var library: MustacheLibrary {
        didSet { compiled = nil }
    }
    /// UI strings by key (`theme/strings.yaml`).
    public var strings: [String: String]
    /// Asset files by path below `assets/`, as bytes.
    public var assets: [String: Data]
    /// The same templates compiled for speed; nil when one of them uses what only swift-mustache has.
    var compiled: CompiledTemplates?
    /// The guide for schools, Markdown, which `/huong-dan/` renders (`guide/gui-ho-so.md`; `docs/huong-dan/` keeps a copy).
    public var guide = ""
    package static let guideFile = "guide/gui-ho-so.md"

    /// Why a theme could not be used.
    public struct Problem: Error, Sendable {
        public var diagnostic: Diagnostic
    }

    /// Loads the theme of the site at `siteRoot`, falling back to the built-in one for every file it lacks.
    public static func load(siteRoot: URL, displayRoot: String = "") throws(Problem) -> Theme {
        var files = DefaultTheme.files
        var origins: [String: String] = [:]
        let themeRoot = siteRoot.appendingPathComponent("theme", isDirectory: true)
        for (path, data) in siteFiles(in: themeRoot) {
            files[path] = data
            origins[path] = displayRoot + "theme/" + path
        }
        func location(_ path: String) -> SourceLocation { SourceLocation(path: origins[path] ?? "(giao diện mặc định) " + path) }

        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        for (path, data) in files.sorted(by: { $0.key < $1.key }) where path.hasPrefix("templates/") && path.hasSuffix(".mustache") {
            let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            do {
                sources[name] = String(decoding: data, as: UTF8.self)
                try library.register(sources[name]!, named: name)
            } catch {
                throw Problem(diagnostic: Diagnostic(.themeInvalid, at: location(path), "mẫu trang \"\(name)\" viết sai cú pháp Mustache: \(error)."))
            }
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
        var theme = Theme(library: library, strings: strings,
                     assets: Dictionary(uniqueKeysWithValues: assets.map { (String($0.key.dropFirst("assets/".count)), $0.value) }),
                     compiled: CompiledTemplates.compile(sources))
        theme.guide = files[Self.guideFile].map { String(decoding: $0, as: UTF8.self).precomposedStringWithCanonicalMapping } ?? ""
        return theme
    }

    /// Renders `template` with `value` into `output`, by the compiled templates when the theme allows, else by
    /// swift-mustache; a template the theme lacks renders as nothing.
    func render(_ template: String, _ value: TemplateValue, memo: PartialMemo? = nil, into output: inout [UInt8]) {
        if let compiled {
            let start = output.count
            do {
                try compiled.render(template, value, memo: memo, into: &output)
                return
            } catch {
                output.removeSubrange(start...)
            }
        }
        output += renderBySwiftMustache(template, value).utf8
    }

    /// Renders `template` with `value` as text.
    func render(_ template: String, _ value: TemplateValue) -> String {
        var output: [UInt8] = []
        render(template, value, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// The reference rendering, which the compiled templates reproduce.
    func renderBySwiftMustache(_ template: String, _ value: TemplateValue) -> String {
        library.render(value.anyValue, withTemplate: template) ?? ""
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
