import Foundation

/// A theme's templates, compiled; nil from `compile` when one of them needs swift-mustache.
struct CompiledTemplates: Sendable {
    let templates: [String: CompiledTemplate]

    /// A transform met a value only swift-mustache knows how to treat (`reversed` of a list, `sorted` of a
    /// dictionary …): the page is rendered by swift-mustache instead.
    struct Fallback: Error {}

    /// Compiles every template, or returns nil if any uses a feature only swift-mustache has.
    static func compile(_ sources: [String: String]) -> CompiledTemplates? {
        var templates: [String: CompiledTemplate] = [:]
        for (name, text) in sources {
            guard let template = try? CompiledTemplate(text) else { return nil }
            templates[name] = template
        }
        return CompiledTemplates(templates: templates)
    }

    /// Renders the template `name` with `value` as the root object, appending its UTF-8 to `output`;
    /// a template the theme lacks renders as nothing. With a `memo`, partials shown with a memoizable
    /// object on top are rendered once per object (see `PartialMemo`).
    func render(_ name: String, _ value: TemplateValue, memo: PartialMemo? = nil,
                into output: inout [UInt8]) throws(Fallback) {
        guard let template = templates[name] else { return }
        var state = RenderState(stack: [value], memo: memo)
        try render(template.nodes, state: &state, indentation: nil, into: &output)
    }

    /// The context stack, and what a memoized partial being rendered has looked up below its object.
    private struct RenderState {
        var stack: [TemplateValue]
        let memo: PartialMemo?
        /// While a partial is rendered for the memo: the stack index of its object.
        var boundary: Int?
        /// Whether that partial looked up a name below its object (other than the memo's constants).
        var escaped = false
    }

    /// swift-mustache's rendering: in a partial called with an indentation, the indentation goes before a
    /// node's output whenever what this call has rendered so far ends a line.
    private func render(_ nodes: [CompiledTemplate.Node], state: inout RenderState, indentation: [UInt8]?,
                        into output: inout [UInt8]) throws(Fallback) {
        guard let indentation, !indentation.isEmpty else {
            for node in nodes { try render(node, state: &state, indentation: indentation, into: &output) }
            return
        }
        var rendered: [UInt8] = []
        for node in nodes {
            var piece: [UInt8] = []
            try render(node, state: &state, indentation: indentation, into: &piece)
            if !piece.isEmpty, rendered.last == UInt8(ascii: "\n") { rendered += indentation }
            rendered += piece
        }
        output += rendered
    }

    private func render(_ node: CompiledTemplate.Node, state: inout RenderState, indentation: [UInt8]?,
                        into output: inout [UInt8]) throws(Fallback) {
        switch node {
        case .text(let bytes):
            output += bytes
        case .variable(let name, let escaped):
            guard let value = try resolve(name, in: &state) else { return }
            value.write(escaped: escaped, to: &output)
        case .section(let name, let children, let inverted):
            let value = try resolve(name, in: &state)
            if inverted {
                switch value {
                case .list(let items) where items.isEmpty:
                    state.stack.append(.list([] as [TemplateValue]))
                    try render(children, state: &state, indentation: indentation, into: &output)
                    state.stack.removeLast()
                case .bool(false), nil:
                    try render(children, state: &state, indentation: indentation, into: &output)
                default:
                    return
                }
                return
            }
            switch value {
            case .list(let items):
                for item in items {
                    state.stack.append(item)
                    try render(children, state: &state, indentation: indentation, into: &output)
                    state.stack.removeLast()
                }
            case .bool(let flag):
                if flag { try render(children, state: &state, indentation: indentation, into: &output) }
            case nil:
                return
            case let value?:
                state.stack.append(value)
                try render(children, state: &state, indentation: indentation, into: &output)
                state.stack.removeLast()
            }
        case .partial(let name, let partialIndentation):
            guard let template = templates[name] else { return }
            let inner = partialIndentation.map { (indentation ?? []) + Array($0.utf8) } ?? indentation
            if inner?.isEmpty ?? true, state.boundary == nil, let memo = state.memo,
               case .object(let object) = state.stack[state.stack.count - 1], let key = object.memoKey {
                try renderMemoized(name, template, key: key, memo: memo, state: &state, into: &output)
            } else {
                try render(template.nodes, state: &state, indentation: inner, into: &output)
            }
        }
    }

    /// A partial with a memoizable object on top: the memo's output when it has one, else rendered and
    /// offered to the memo, which keeps it only if nothing was looked up below the object.
    private func renderMemoized(_ name: String, _ template: CompiledTemplate, key: Int, memo: PartialMemo,
                                state: inout RenderState, into output: inout [UInt8]) throws(Fallback) {
        switch memo.entry(partial: name, object: key) {
        case .output(let bytes):
            output += bytes
        case .refused:
            try render(template.nodes, state: &state, indentation: nil, into: &output)
        case nil:
            state.boundary = state.stack.count - 1
            state.escaped = false
            let start = output.count
            try render(template.nodes, state: &state, indentation: nil, into: &output)
            memo.store(state.escaped ? .refused : .output(Array(output[start...])), partial: name, object: key)
            state.boundary = nil
        }
    }

    /// `resolve`, noting for the memo a name looked up below the object of the partial being memoized.
    private func resolve(_ name: CompiledTemplate.Name, in state: inout RenderState) throws(Fallback) -> TemplateValue? {
        guard let boundary = state.boundary, name.scope == .stack, let first = name.parts.first else {
            return try Self.resolve(name, in: state.stack)
        }
        let depth = Self.depth(of: first, in: state.stack)
        if depth.map({ $0 < boundary && !($0 == 0 && state.memo?.constantRootNames.contains(first) == true) }) ?? true {
            state.escaped = true
        }
        return try Self.resolve(name, in: state.stack)
    }

    /// The index of the first object up the stack that has `name`.
    private static func depth(of name: String, in stack: [TemplateValue]) -> Int? {
        stack.indices.reversed().first { stack[$0].child(name) != nil }
    }

    /// swift-mustache's lookup: `.` is the current object; `.a.b` looks in it only; `a.b` takes the first
    /// object up the stack that has `a`, then looks for `b` in that alone.
    static func resolve(_ name: CompiledTemplate.Name, in stack: [TemplateValue]) throws(Fallback) -> TemplateValue? {
        guard var value = lookUp(name, in: stack) else { return nil }
        for transform in name.transforms {
            guard let transformed = try value.transformed(transform) else { return nil }
            value = transformed
        }
        return value
    }

    private static func lookUp(_ name: CompiledTemplate.Name, in stack: [TemplateValue]) -> TemplateValue? {
        let top = stack[stack.count - 1]
        guard let first = name.parts.first else { return top }
        var value: TemplateValue
        switch name.scope {
        case .current:
            return top
        case .currentOnly:
            guard let child = top.child(first) else { return nil }
            value = child
        case .stack:
            var index = stack.count - 1
            while true {
                if let child = stack[index].child(first) {
                    value = child
                    break
                }
                guard index > 0 else { return nil }
                index -= 1
            }
        }
        for part in name.parts.dropFirst() {
            guard let child = value.child(part) else { return nil }
            value = child
        }
        return value
    }
}

extension TemplateValue {
    /// A dictionary's value under `name`; nothing else has named children here.
    func child(_ name: String) -> TemplateValue? {
        switch self {
        case .object(let object): object[name]
        default: nil
        }
    }

    /// swift-mustache's transform `name` of this value; nil where it has none (a Bool has none at all).
    func transformed(_ name: String) throws(CompiledTemplates.Fallback) -> TemplateValue? {
        switch self {
        case .utf8:
            return try TemplateValue.string(text).transformed(name)
        case .string(let text):
            switch name {
            case "empty": return .bool(text.isEmpty)
            case "capitalized": return .string(text.capitalized)
            case "lowercased": return .string(text.lowercased())
            case "uppercased": return .string(text.uppercased())
            case "reversed": return .string(String(text.reversed()))
            default: return nil
            }
        case .int(let number):
            switch name {
            case "equalzero": return .bool(number == 0)
            case "plusone": return .int(number + 1)
            case "minusone": return .int(number - 1)
            case "even": return .bool(number & 1 == 0)
            case "odd": return .bool(number & 1 == 1)
            default: return nil
            }
        case .bool:
            return nil
        case .list(let items):
            switch name {
            case "first": return items.first
            case "last": return items.last
            case "count": return .int(items.count)
            case "empty": return .bool(items.isEmpty)
            case "reversed": throw CompiledTemplates.Fallback()
            default: return nil  // `sorted` too: the items are not Comparable
            }
        case .object(let object):
            switch name {
            case "count": return .int(object.fields.count)
            case "empty": return .bool(object.fields.isEmpty)
            case "enumerated", "sorted": throw CompiledTemplates.Fallback()
            default: return nil
            }
        }
    }

    /// The text `{{x}}` shows: what `String(describing:)` gives, as in swift-mustache.
    var text: String {
        switch self {
        case .string(let text): text
        case .utf8(let bytes): String(decoding: bytes, as: UTF8.self)
        case .int(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .list, .object: String(describing: anyValue)
        }
    }
}

extension TemplateValue {
    /// Appends what `{{x}}` (escaped) or `{{{x}}}` shows.
    func write(escaped: Bool, to output: inout [UInt8]) {
        switch self {
        case .string(var text):
            if escaped {
                text.withUTF8 { HTMLEscaping.append($0, to: &output) }
            } else {
                output += text.utf8
            }
        case .utf8(let bytes):
            if escaped {
                bytes.withUnsafeBufferPointer { HTMLEscaping.append($0, to: &output) }
            } else {
                output += bytes
            }
        case .int(let number):
            output += String(number).utf8
        case .bool, .list, .object:
            var text = text
            if escaped {
                text.withUTF8 { HTMLEscaping.append($0, to: &output) }
            } else {
                output += text.utf8
            }
        }
    }
}

/// Escaping for HTML text and attribute values, as swift-mustache escapes `{{x}}`, but by byte: a quote
/// followed by a combining mark is one Character, which a Character-by-Character escape lets through.
enum HTMLEscaping {
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var start = 0
        for index in bytes.indices {
            let entity: StaticString
            switch bytes[index] {
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x26: entity = "&amp;"
            case 0x22: entity = "&quot;"
            case 0x27: entity = "&#39;"
            default: continue
            }
            output += UnsafeBufferPointer(rebasing: bytes[start..<index])
            entity.withUTF8Buffer { output += $0 }
            start = index + 1
        }
        output += UnsafeBufferPointer(rebasing: bytes[start...])
    }
}
