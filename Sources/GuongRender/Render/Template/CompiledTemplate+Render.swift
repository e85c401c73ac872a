// Unsafe code: HTML escaping by byte over a value's UTF-8 buffer, copying the runs between special bytes whole (rendering's hot loop).
import Foundation
import GuongKit

/// A theme's templates, compiled: the one engine that renders pages.
struct CompiledTemplates: Sendable {
    let programs: [TemplateProgram]
    let index: [String: Int]

    /// The template (by name) that could not be compiled, and why.
    struct Refused: Error, Equatable {
        var template: String
        var problem: TemplateProblem
    }

    /// Compiles every template; the first one, by name, that cannot be compiled is refused.
    static func compile(_ sources: [String: String]) throws(Refused) -> CompiledTemplates {
        var templates: [(String, CompiledTemplate)] = []
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                templates.append((name, try CompiledTemplate(text)))
            } catch {
                throw Refused(template: name, problem: error)
            }
        }
        let index = Dictionary(uniqueKeysWithValues: templates.enumerated().map { ($1.0, $0) })
        return CompiledTemplates(programs: templates.map { TemplateProgram($1, partials: index) }, index: index)
    }

    /// Renders the template `name` with `value` as the root object, appending its UTF-8 to `output`;
    /// a template the theme lacks renders as nothing. With a `memo`, partials shown with a memoizable
    /// object on top are rendered once per object (see `PartialMemo`).
    func render(_ name: String, _ value: TemplateValue, memo: PartialMemo? = nil,
                into output: inout [UInt8]) {
        guard let number = index[name] else { return }
        var state = RenderState(stack: TemplateStack(root: value), memo: memo)
        let program = programs[number]
        run(program, 0..<program.code.count, state: &state, indentation: nil, into: &output)
    }

    /// The templates `name` renders with: itself and every partial it calls, directly or through others
    /// (a partial the theme lacks renders nothing and is left out), by name, sorted.
    func templatesUsed(by name: String) -> [String] {
        guard let first = index[name] else { return [] }
        var seen: Set<Int> = [first]
        var pending = [first]
        while let number = pending.popLast() {
            for instruction in programs[number].code where instruction.operation == .partial && instruction.operand >= 0 {
                if seen.insert(Int(instruction.operand)).inserted { pending.append(Int(instruction.operand)) }
            }
        }
        let names = Dictionary(uniqueKeysWithValues: index.map { ($1, $0) })
        return seen.compactMap { names[$0] }.sorted()
    }

    /// Whether `name` is used by the templates only once, as `{{{name}}}` at the top level of `template` (in no
    /// section, partial or other template, and `template` neither prints its root with `{{.}}` nor calls
    /// a partial that could): what it stands for then goes out where that tag is, as it is. That lets a
    /// layout be rendered around a page's content instead of copying the content into it.
    func isUsedOnceRaw(_ name: String, in template: String) -> Bool {
        guard let number = index[template] else { return false }
        var uses = 0
        for (other, program) in programs.enumerated() {
            var sectionEnds: [Int] = []
            for (counter, instruction) in program.code.enumerated() {
                while let end = sectionEnds.last, counter >= end { sectionEnds.removeLast() }
                switch instruction.operation {
                case .escaped, .raw, .section, .inverted:
                    let used = program.names[Int(instruction.operand)]
                    if other == number, used.scope == .current { return false }
                    if used.parts.first?.name == name {
                        uses += 1
                        guard other == number, instruction.operation == .raw, sectionEnds.isEmpty, used.scope == .stack,
                              used.parts.count == 1, used.transforms.isEmpty else { return false }
                    }
                    if instruction.operation == .section || instruction.operation == .inverted {
                        sectionEnds.append(Int(instruction.extra))
                    }
                case .partial:
                    if other == number { return false }
                case .text:
                    break
                }
            }
        }
        return uses == 1
    }

    /// The context stack, and what a memoized partial being rendered has looked up below its object.
    struct RenderState {
        var stack: TemplateStack
        let memo: PartialMemo?
        /// While a partial is rendered for the memo: the stack index of its object.
        var boundary: Int?
        /// Whether that partial looked up a name below its object (other than the memo's constants).
        var escaped = false
    }

    /// Runs the instructions in `range`. swift-mustache's rendering: in a partial called with an indentation,
    /// the indentation goes before a node's output (an instruction's, or a whole section's) whenever what
    /// this call has rendered so far ends a line.
    func run(_ program: TemplateProgram, _ range: Range<Int>, state: inout RenderState, indentation: [UInt8]?,
                     into output: inout [UInt8]) {
        var counter = range.lowerBound
        guard let indentation, !indentation.isEmpty else {
            while counter < range.upperBound {
                counter = step(program, at: counter, state: &state, indentation: nil, into: &output)
            }
            return
        }
        var rendered: [UInt8] = []
        while counter < range.upperBound {
            var piece: [UInt8] = []
            counter = step(program, at: counter, state: &state, indentation: indentation, into: &piece)
            if !piece.isEmpty, rendered.last == UInt8(ascii: "\n") { rendered += indentation }
            rendered += piece
        }
        output += rendered
    }

    /// Runs the instruction at `counter` (a section with its body); returns the index of the next one.
    func step(_ program: TemplateProgram, at counter: Int, state: inout RenderState, indentation: [UInt8]?,
                      into output: inout [UInt8]) -> Int {
        let instruction = program.code[counter]
        switch instruction.operation {
        case .text:
            output += program.text(of: instruction)
        case .escaped, .raw:
            switch resolve(program, instruction.operand, in: &state) {
            case .list?, .object?:
                // swift-mustache prints Swift's description of the collection (a dictionary's in an order that
                // changes from run to run); here a whole list or object prints as nothing.
                break
            case let value?:
                value.write(escaped: instruction.operation == .escaped, to: &output)
            case nil:
                break
            }
        case .inverted:
            let body = counter + 1..<Int(instruction.extra)
            switch resolve(program, instruction.operand, in: &state) {
            case .list(let items) where items.isEmpty:
                state.stack.push(.list([] as [TemplateValue]))
                run(program, body, state: &state, indentation: indentation, into: &output)
                state.stack.pop()
            case .bool(false), nil:
                run(program, body, state: &state, indentation: indentation, into: &output)
            default:
                break
            }
            return body.upperBound
        case .section:
            let body = counter + 1..<Int(instruction.extra)
            switch resolve(program, instruction.operand, in: &state) {
            case .list(let items):
                for item in items {
                    state.stack.push(item)
                    run(program, body, state: &state, indentation: indentation, into: &output)
                    state.stack.pop()
                }
            case .bool(let flag):
                if flag { run(program, body, state: &state, indentation: indentation, into: &output) }
            case nil:
                break
            case let value?:
                state.stack.push(value)
                run(program, body, state: &state, indentation: indentation, into: &output)
                state.stack.pop()
            }
            return body.upperBound
        case .partial:
            guard instruction.operand >= 0 else { break }
            let partial = programs[Int(instruction.operand)]
            let own = instruction.extra >= 0 ? program.indentations[Int(instruction.extra)] : nil
            let inner = own.map { (indentation ?? []) + $0 } ?? indentation
            if inner?.isEmpty ?? true, state.boundary == nil, let memo = state.memo,
               let key = state.stack.topMemoKey {
                renderMemoized(partial, number: Int(instruction.operand), key: key, memo: memo, state: &state, into: &output)
            } else {
                run(partial, 0..<partial.code.count, state: &state, indentation: inner, into: &output)
            }
        }
        return counter + 1
    }

    /// A partial with a memoizable object on top: the memo's output when it has one, else rendered and
    /// offered to the memo, which keeps it only if nothing was looked up below the object.
    private func renderMemoized(_ partial: TemplateProgram, number: Int, key: Int, memo: PartialMemo,
                                state: inout RenderState, into output: inout [UInt8]) {
        let whole = 0..<partial.code.count
        switch memo.entry(partial: number, object: key) {
        case .output(let bytes):
            output += bytes
        case .refused:
            run(partial, whole, state: &state, indentation: nil, into: &output)
        case nil:
            state.boundary = state.stack.count - 1
            state.escaped = false
            let start = output.count
            run(partial, whole, state: &state, indentation: nil, into: &output)
            memo.store(state.escaped ? .refused : .output(Array(output[start...])), partial: number, object: key)
            state.boundary = nil
        }
    }

    /// `resolve`, noting for the memo a name looked up below the object of the partial being memoized.
    private func resolve(_ program: TemplateProgram, _ number: Int32, in state: inout RenderState) -> TemplateValue? {
        if state.boundary == nil, let key = program.simpleNames[Int(number)] { return state.stack.firstChild(key) }
        let name = program.names[Int(number)]
        guard let boundary = state.boundary, name.scope == .stack, let first = name.parts.first else {
            return Self.resolve(name, in: state.stack)
        }
        let depth = state.stack.depth(of: first)
        if depth.map({ $0 < boundary && !($0 == 0 && state.memo?.constantRootNames.contains(first.name) == true) }) ?? true {
            state.escaped = true
        }
        return Self.resolve(name, in: state.stack)
    }

    /// swift-mustache's lookup: `.` is the current object; `.a.b` looks in it only; `a.b` takes the first
    /// object up the stack that has `a`, then looks for `b` in that alone.
    static func resolve(_ name: CompiledTemplate.Name, in stack: TemplateStack) -> TemplateValue? {
        guard var value = lookUp(name, in: stack) else { return nil }
        // By index, and not at all for the many names without transforms: iterating retained the array.
        var index = 0
        while index < name.transforms.count {
            guard let transformed = value.transformed(name.transforms[index]) else { return nil }
            value = transformed
            index += 1
        }
        return value
    }

    /// The value `name` stands for. Written so that only the value found is copied: keys are read in
    /// place and objects searched where they lie on the stack (binding the top of the stack, the first
    /// part or the other parts copied each, a retain and a release per name a page shows).
    private static func lookUp(_ name: CompiledTemplate.Name, in stack: TemplateStack) -> TemplateValue? {
        guard !name.parts.isEmpty else { return stack.top }
        var value: TemplateValue
        switch name.scope {
        case .current:
            return stack.top
        case .currentOnly:
            guard let child = stack.topChild(name.parts[0]) else { return nil }
            value = child
        case .stack:
            guard let child = stack.firstChild(name.parts[0]) else { return nil }
            value = child
        }
        var part = 1
        while part < name.parts.count {
            guard let child = value.child(name.parts[part]) else { return nil }
            value = child
            part += 1
        }
        return value
    }
}

extension TemplateValue {
    /// An object's value under `key`; nothing else has named children here.
    func child(_ key: TemplateKey) -> TemplateValue? {
        switch self {
        case .object(let object): object[key]
        default: nil
        }
    }

    /// swift-mustache's transform `name` of this value; nil where it has none (a Bool has none at all).
    func transformed(_ name: String) -> TemplateValue? {
        switch self {
        case .utf8:
            return TemplateValue.string(text).transformed(name)
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
            case "reversed": return .list(items.reversed())
            default: return nil  // `sorted` too: the items are not Comparable
            }
        case .object(let object):
            switch name {
            case "count": return .int(object.fields.count)
            case "empty": return .bool(object.fields.isEmpty)
            case "sorted":
                // swift-mustache's `(key:, value:)` pairs, by key.
                return .list(object.fields.sorted { $0.key < $1.key }.map { key, value in
                    TemplateObject(["key": .string(key), "value": value])
                })
            default: return nil  // `enumerated` is refused when the template is compiled
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
        case .list, .object: ""  // never printed: see `step`
        }
    }
}

extension TemplateValue {
    /// Appends what `{{x}}` (escaped) or `{{{x}}}` shows.
    func write(escaped: Bool, to output: inout [UInt8]) {
        switch self {
        case .string(let text):
            if escaped {
                // A native string's bytes in place; `withUTF8` wants a mutable copy of the string.
                if text.utf8.withContiguousStorageIfAvailable({ HTMLEscaping.append($0, to: &output) }) == nil {
                    var text = text
                    text.withUTF8 { HTMLEscaping.append($0, to: &output) }
                }
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
        case .bool, .list, .object:  // (a list or object only reaches here through a transform's result)
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
        guard let base = bytes.baseAddress else { return }
        var start = 0, index = 0
        while index < bytes.count {
            // Most text has nothing to escape: eight bytes at a time while that holds.
            if index + 8 <= bytes.count, !mayNeedEscaping(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let entity: StaticString
            switch bytes[index] {
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x26: entity = "&amp;"
            case 0x22: entity = "&quot;"
            case 0x27: entity = "&#39;"
            default:
                index += 1
                continue
            }
            output += UnsafeBufferPointer(rebasing: bytes[start..<index])
            entity.withUTF8Buffer { output += $0 }
            index += 1
            start = index
        }
        output += UnsafeBufferPointer(rebasing: bytes[start...])
    }

    /// Whether a byte of `word` may be one of `<>&"'`: never false when one is (`ByteWord`), so a false
    /// answer lets all eight through unescaped.
    static func mayNeedEscaping(_ word: UInt64) -> Bool {
        ByteWord.has(0x3C, in: word) | ByteWord.has(0x3E, in: word) | ByteWord.has(0x26, in: word)
            | ByteWord.has(0x22, in: word) | ByteWord.has(0x27, in: word) != 0
    }
}
