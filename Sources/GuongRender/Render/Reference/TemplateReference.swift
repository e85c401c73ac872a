import GuongKit

/// `docs/templates.md`'s reference: for every template of a theme, the variables it receives (recorded while
/// a site renders, `TemplateRecorder`; a partial's from where it is rendered, `PartialCalls`), their types and
/// the lines of `TemplateVariables` that say what they mean, with what does not add up.
package struct TemplateReference {
    /// The reference, in Markdown.
    package private(set) var markdown = ""
    /// What does not add up: a variable with no line, a line naming nothing a page gives, a template never rendered.
    package private(set) var problems: [String] = []

    private let descriptions: [String: TemplateVariables]
    private var used: Set<String> = []

    package init(theme: Theme, recorded: [String: TemplateShape],
                 descriptions: [String: TemplateVariables] = TemplateVariables.all) {
        self.descriptions = descriptions
        let calls = PartialCalls(sources: theme.templateSources, roots: recorded)
        var layout: [String] = [], pages: [String] = [], partials: [String] = []
        for name in theme.templateSources.keys.sorted() {
            if name == "layout" { layout.append(name) }
            else if recorded[name] != nil { pages.append(name) }
            else if calls.shape(of: name) != nil { partials.append(name) }
            else { problems.append("\(name): never rendered by the renderer nor called as a partial") }
        }
        for (heading, names) in [("The layout", layout), ("Pages", pages), ("Partials", partials)] where !names.isEmpty {
            markdown += "\n## \(heading)\n"
            for name in names {
                let sites = Array(Set((calls.calls[name] ?? []).map { call in
                    call.path.isEmpty ? "`\(call.template)`" : "`\(call.template)` (in `\(call.path)`)"
                })).sorted()
                section(name, shape: recorded[name] ?? calls.shape(of: name) ?? TemplateShape(), renderedFrom: sites)
            }
        }
        for name in descriptions.keys.sorted() where theme.templateSources[name] == nil {
            problems.append("\(name): described, but the theme has no such template")
        }
        for (name, table) in descriptions.sorted(by: { $0.key < $1.key }) {
            for path in table.variables.keys.sorted() where !used.contains(Self.key(name, path)) {
                problems.append("\(name): `\(path)` is described, but no page gives it")
            }
        }
        for path in TemplateVariables.everyPage.keys.sorted() where !used.contains(Self.key("", path)) {
            problems.append("every page: `\(path)` is described, but no page gives it")
        }
    }

    private static func key(_ template: String, _ path: String) -> String { template + " " + path }

    private mutating func section(_ name: String, shape: TemplateShape, renderedFrom sites: [String]) {
        markdown += "\n### `\(name)`\n\n"
        if let about = descriptions[name]?.about {
            markdown += about + "\n"
        } else {
            problems.append("\(name): no description of the template")
        }
        if !sites.isEmpty {
            markdown += "\nRendered from: " + sites.joined(separator: ", ") + ".\n"
        }
        markdown += "\n| variable | type | meaning |\n| --- | --- | --- |\n"
        rows(of: shape, prefix: "", in: name)
    }

    /// A row per member of `shape` (and its members' members), but those `covered` describes.
    private mutating func rows(of shape: TemplateShape, prefix: String, in template: String,
                               covered: (template: String, path: String)? = nil) {
        for (member, memberShape) in shape.members.sorted(by: { $0.key < $1.key }) {
            if let covered, meaning(of: covered.path.isEmpty ? member : covered.path + "." + member, in: covered.template) != nil {
                continue
            }
            let path = prefix + member
            let meaning = meaning(of: path, in: template)
            var text = meaning?.text ?? ""
            if meaning == nil { problems.append("\(template): `\(path)` (\(memberShape.typeName)) has no description") }
            if let other = meaning?.sameAs {
                text += other.path.isEmpty ? " (see `\(other.template)`)" : " (see `\(other.template)`: `\(other.path)`)"
            }
            markdown += "| `\(path)` | \(memberShape.typeName) | \(text) |\n"
            guard meaning?.opaque != true else { continue }
            if memberShape.kinds.contains(.object) {
                rows(of: memberShape, prefix: path + ".", in: template, covered: meaning?.sameAs)
            }
            if memberShape.kinds.contains(.list), let item = memberShape.item, item.kinds.contains(.object) {
                rows(of: item, prefix: path + "[].", in: template, covered: meaning?.sameAs)
            }
        }
    }

    /// The line for `path` in `template`'s table, then in the tables it inherits, then (at the root) `everyPage`.
    private mutating func meaning(of path: String, in template: String) -> TemplateVariables.Meaning? {
        var owner: String? = template
        var seen: Set<String> = []
        while let name = owner, seen.insert(name).inserted, let table = descriptions[name] {
            if let meaning = table.variables[path] {
                used.insert(Self.key(name, path))
                return meaning
            }
            owner = table.inherits
        }
        guard !path.contains("."), let meaning = TemplateVariables.everyPage[path] else { return nil }
        used.insert(Self.key("", path))
        return meaning
    }
}
