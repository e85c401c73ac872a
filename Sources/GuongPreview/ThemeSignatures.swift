import Foundation
import GuongKit
import GuongRender

/// What each template of the theme depends on, as signatures: a page re-renders when its own template,
/// a partial it includes, the layout or the UI strings change, and not otherwise.
struct ThemeSignatures {
    /// By template name (`profile`), over the template and every partial it includes, recursively.
    private var templates: [String: Int] = [:]
    /// The layout (with its partials) and `strings.yaml`: every HTML page depends on them.
    private(set) var shared = 0
    /// The guide for schools (`guide/gui-ho-so.md`), which `/huong-dan/` renders.
    private(set) var guide = 0

    /// Reads the theme the way `Theme.load` does: the default theme, overridden file by file by the site's `theme/`.
    init(siteRoot: URL) {
        var files = DefaultTheme.files
        for (path, data) in Theme.siteFiles(in: siteRoot.appendingPathComponent("theme", isDirectory: true)) { files[path] = data }
        var sources: [String: String] = [:]
        for (path, data) in files where path.hasPrefix("templates/") && path.hasSuffix(".mustache") {
            sources[String(path.dropFirst("templates/".count).dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
        }
        // A template that changes its delimiters hides its partials from the scan below: then every page
        // depends on every template.
        let opaque = sources.values.contains { $0.contains("{{=") }
        var everything = Hasher()
        for name in sources.keys.sorted() {
            everything.combine(name)
            everything.combine(sources[name])
        }
        let all = everything.finalize()
        for name in sources.keys {
            if opaque {
                templates[name] = all
                continue
            }
            var hasher = Hasher()
            for included in Self.closure(of: name, in: sources) {
                hasher.combine(included)
                hasher.combine(sources[included])
            }
            templates[name] = hasher.finalize()
        }
        var shared = Hasher()
        shared.combine(templates["layout"])
        shared.combineBytes(of: files["strings.yaml"])
        self.shared = shared.finalize()
        var guide = Hasher()
        guide.combineBytes(of: files[Theme.guideFile])
        self.guide = guide.finalize()
    }

    /// The signature of a page rendered with `template` inside the layout.
    func page(_ template: String) -> Int {
        var hasher = Hasher()
        hasher.combine(shared)
        hasher.combine(templates[template])
        return hasher.finalize()
    }

    /// `name` and every template it includes with `{{> partial}}` or extends with `{{< parent}}`, sorted.
    static func closure(of name: String, in sources: [String: String]) -> [String] {
        var seen: Set<String> = [name]
        var pending = [name]
        while let next = pending.popLast() {
            for partial in partials(in: sources[next] ?? "") where seen.insert(partial).inserted {
                pending.append(partial)
            }
        }
        return seen.sorted()
    }

    /// The names after `{{>` and `{{<` in a template.
    static func partials(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let marker = rest.first, marker == ">" || marker == "<" else { continue }
            guard let close = rest.range(of: "}}") else { break }
            let name = rest[rest.index(after: rest.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { names.append(name) }
            rest = rest[close.upperBound...]
        }
        return names
    }
}
