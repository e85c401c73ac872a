import GuongKit

/// Where each partial is rendered from and with what on top of the context stack, found by walking the
/// templates with the shapes their roots were recorded with, as the engine walks them with values: a
/// section over a list pushes its items, one over an object pushes the object, a flag pushes nothing.
package struct PartialCalls {
    /// One `{{> partial}}` reached while walking.
    package struct Call: Sendable {
        /// The calling template.
        package var template: String
        /// The sections around the tag, as a path (`groups[].subgroups[].items[]`); empty at the top level.
        package var path: String
        /// What is on top of the context stack there.
        package var top: TemplateShape
    }

    private let templates: [String: CompiledTemplate]
    package private(set) var calls: [String: [Call]] = [:]

    /// Walks every template of `roots` (name → recorded root shape) in `sources`.
    package init(sources: [String: String], roots: [String: TemplateShape]) {
        templates = sources.compactMapValues { try? CompiledTemplate($0) }
        for (name, shape) in roots.sorted(by: { $0.key < $1.key }) {
            guard let template = templates[name] else { continue }
            walk(template.nodes, in: name, stack: [(shape, "")], depth: 0)
        }
    }

    /// The values a partial receives. Rendered inside a section, it gets the object there (a card, a table),
    /// merged over every such place; rendered at a page's top level, it gets that page's own values, and only
    /// those every such page has are its own. Rendered both ways, what both give.
    package func shape(of partial: String) -> TemplateShape? {
        guard let calls = calls[partial], !calls.isEmpty else { return nil }
        let nested = calls.filter { !$0.path.isEmpty }.map(\.top).reduce(nil) { $0?.merging($1) ?? $1 }
        let topLevel = calls.filter { $0.path.isEmpty }.map(\.top).reduce(nil) { $0?.common(with: $1) ?? $1 }
        guard let nested, let topLevel else { return nested ?? topLevel }
        return nested.common(with: topLevel)
    }

    private mutating func walk(_ nodes: [CompiledTemplate.Node], in template: String,
                               stack: [(shape: TemplateShape, path: String)], depth: Int) {
        for node in nodes {
            switch node {
            case .text, .variable:
                continue
            case .section(let name, let children, let inverted):
                guard !inverted else {
                    walk(children, in: template, stack: stack, depth: depth)
                    continue
                }
                // A section never shown in the renderings recorded calls nothing.
                guard let found = Self.resolve(name, in: stack.map(\.shape)) else { continue }
                let written = name.parts.map(\.name).joined(separator: ".")
                let path = stack.last!.path.isEmpty ? written : stack.last!.path + "." + written
                var inner = stack
                if found.kinds.contains(.list), let item = found.item {
                    inner.append((item, path + "[]"))
                } else if found.kinds.contains(.object) {
                    inner.append((found, path))
                }
                walk(children, in: template, stack: inner, depth: depth)
            case .partial(let partial, _):
                // Partials that render themselves are walked a few levels deep only.
                guard let called = templates[partial], depth < 8 else { continue }
                let path = stack.last!.path
                calls[partial, default: []].append(Call(template: template, path: path, top: stack.last!.shape))
                walk(called.nodes, in: partial, stack: stack, depth: depth + 1)
            }
        }
    }

    /// The engine's lookup (`CompiledTemplates.resolve`) over shapes: `.` is the top; `.a` looks in the top
    /// only; `a.b` takes the first shape up the stack that has `a`.
    static func resolve(_ name: CompiledTemplate.Name, in stack: [TemplateShape]) -> TemplateShape? {
        guard let first = name.parts.first?.name else { return stack.last }
        var shape: TemplateShape
        switch name.scope {
        case .current:
            return stack.last
        case .currentOnly:
            guard let member = stack.last?.members[first] else { return nil }
            shape = member
        case .stack:
            guard let member = stack.reversed().lazy.compactMap({ $0.members[first] }).first else { return nil }
            shape = member
        }
        for part in name.parts.dropFirst() {
            guard let member = shape.members[part.name] else { return nil }
            shape = member
        }
        // `first(list)` and `last(list)` give an item; other transforms keep the shape.
        if name.transforms.contains(where: { $0 == "first" || $0 == "last" }), let item = shape.item { return item }
        return shape
    }
}
