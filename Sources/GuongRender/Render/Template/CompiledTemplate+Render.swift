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
                into output: inout RenderBuffer) {
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
                     into output: inout RenderBuffer) {
        var counter = range.lowerBound
        guard let indentation, !indentation.isEmpty else {
            while counter < range.upperBound {
                counter = step(program, at: counter, state: &state, indentation: nil, into: &output)
            }
            return
        }
        var rendered = RenderBuffer()
        while counter < range.upperBound {
            // Most pieces are a line or a value: a small buffer, grown when one is more.
            var piece = RenderBuffer(capacity: 64)
            counter = step(program, at: counter, state: &state, indentation: indentation, into: &piece)
            if !piece.isEmpty, rendered.last == UInt8(ascii: "\n") { rendered.append(indentation) }
            rendered.append(piece)
        }
        output.append(rendered)
    }

    /// Runs the instruction at `counter` (a section with its body); returns the index of the next one.
    func step(_ program: TemplateProgram, at counter: Int, state: inout RenderState, indentation: [UInt8]?,
                      into output: inout RenderBuffer) -> Int {
        let instruction = program.code[counter]
        switch instruction.operation {
        case .text:
            program.text.withUnsafeBufferPointer { text in
                output.append(UnsafeBufferPointer(rebasing: text[Int(instruction.operand)..<Int(instruction.operand + instruction.extra)]))
            }
        case .escaped, .raw:
            // The value is read where it lies, through its own methods. The compiler still copies it once for the
            // call (it cannot prove nothing writes that memory meanwhile; docs/performance.md).
            guard let found = resolve(program, instruction.operand, in: &state) else { break }
            found.use { $0.pointee.writeUnlessCollection(escaped: instruction.operation == .escaped, to: &output) }
        case .inverted:
            let body = counter + 1..<Int(instruction.extra)
            let found = resolve(program, instruction.operand, in: &state)
            let shape = found?.use { ($0.pointee.isEmptyList, $0.pointee.flag) }
            if shape?.0 == true {
                state.stack.push(.list([] as [TemplateValue]))
                run(program, body, state: &state, indentation: indentation, into: &output)
                state.stack.pop()
            } else if shape == nil || shape?.1 == false {
                run(program, body, state: &state, indentation: indentation, into: &output)
            }
            return body.upperBound
        case .section:
            let body = counter + 1..<Int(instruction.extra)
            guard let found = resolve(program, instruction.operand, in: &state) else { return body.upperBound }
            found.use { address in
                let isList = address.pointee.withListItems { items in
                    // Each item where it lies in the list, which the value holds meanwhile.
                    for index in items.indices {
                        state.stack.push(at: items.baseAddress! + index)
                        run(program, body, state: &state, indentation: indentation, into: &output)
                        state.stack.pop()
                    }
                }
                if isList { return }
                if let flag = address.pointee.flag {
                    if flag { run(program, body, state: &state, indentation: indentation, into: &output) }
                    return
                }
                if let made = found.made { state.stack.push(made) } else { state.stack.push(at: address) }
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
                                state: inout RenderState, into output: inout RenderBuffer) {
        let whole = 0..<partial.code.count
        switch memo.entry(partial: number, object: key) {
        case .output(let bytes):
            output.append(bytes)
        case .refused:
            run(partial, whole, state: &state, indentation: nil, into: &output)
        case nil:
            state.boundary = state.stack.count - 1
            state.escaped = false
            let start = output.count
            run(partial, whole, state: &state, indentation: nil, into: &output)
            memo.store(state.escaped ? .refused : .output(output.bytes(from: start)), partial: number, object: key)
            state.boundary = nil
        }
    }

    /// What a name stands for: the address of a value the stack holds, or of one a transform made (`made`,
    /// which holds it while the caller uses it).
    struct Found {
        let address: UnsafePointer<TemplateValue>
        /// What holds a transform's result; nil when the value lies in one the stack holds.
        let made: TemplateStack.Held?

        init(at address: UnsafePointer<TemplateValue>) {
            self.address = address
            made = nil
        }

        init(made value: TemplateValue) {
            let held = TemplateStack.Held(value)
            address = UnsafePointer(held.address)
            made = held
        }

        /// Calls `body` with the value's address while the value is sure to be held: a made value's box could
        /// otherwise be released after its last use in the code, before the value is read.
        func use<Result>(_ body: (UnsafePointer<TemplateValue>) -> Result) -> Result {
            withExtendedLifetime(made) { body(address) }
        }
    }

    /// `resolve`, noting for the memo a name looked up below the object of the partial being memoized.
    private func resolve(_ program: TemplateProgram, _ number: Int32, in state: inout RenderState) -> Found? {
        if state.boundary == nil, let key = program.simpleNames[Int(number)] { return state.stack.firstChild(key).map(Found.init(at:)) }
        let name = program.names[Int(number)]
        guard let boundary = state.boundary, name.scope == .stack, let first = name.parts.first else {
            return Self.find(name, in: state.stack)
        }
        let depth = state.stack.depth(of: first)
        if depth.map({ $0 < boundary && !($0 == 0 && state.memo?.constantRootNames.contains(first.name) == true) }) ?? true {
            state.escaped = true
        }
        return Self.find(name, in: state.stack)
    }

    /// swift-mustache's lookup: `.` is the current object; `.a.b` looks in it only; `a.b` takes the first
    /// object up the stack that has `a`, then looks for `b` in that alone.
    static func resolve(_ name: CompiledTemplate.Name, in stack: TemplateStack) -> TemplateValue? {
        find(name, in: stack).map { $0.use { $0.pointee } }
    }

    /// `resolve`, giving where the value lies: only a transform's result is made anew.
    private static func find(_ name: CompiledTemplate.Name, in stack: TemplateStack) -> Found? {
        guard let address = lookUp(name, in: stack) else { return nil }
        // By index, and not at all for the many names without transforms: iterating retained the array.
        guard !name.transforms.isEmpty else { return Found(at: address) }
        var value = address.pointee
        var index = 0
        while index < name.transforms.count {
            guard let transformed = value.transformed(name.transforms[index]) else { return nil }
            value = transformed
            index += 1
        }
        return Found(made: value)
    }

    /// The address of the value `name` stands for: keys are read in place and objects searched where they lie.
    private static func lookUp(_ name: CompiledTemplate.Name, in stack: TemplateStack) -> UnsafePointer<TemplateValue>? {
        guard !name.parts.isEmpty else { return stack.top }
        var address: UnsafePointer<TemplateValue>
        switch name.scope {
        case .current:
            return stack.top
        case .currentOnly:
            guard let child = stack.topChild(name.parts[0]) else { return nil }
            address = child
        case .stack:
            guard let child = stack.firstChild(name.parts[0]) else { return nil }
            address = child
        }
        var part = 1
        while part < name.parts.count {
            guard let child = TemplateObject.View(of: address.pointee).address(of: name.parts[part]) else { return nil }
            address = child
            part += 1
        }
        return address
    }
}

extension TemplateValue {
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
    // What a section asks of its value, each answered without copying the value or what it holds.

    /// The flag, if the value is one.
    var flag: Bool? {
        if case .bool(let flag) = self { flag } else { nil }
    }

    var isEmptyList: Bool {
        if case .list(let items) = self { items.isEmpty } else { false }
    }

    /// Calls `body` with the items, where they lie, if the value is a list; whether it is.
    func withListItems(_ body: (UnsafeBufferPointer<TemplateValue>) -> Void) -> Bool {
        guard case .list(let items) = self else { return false }
        items.withUnsafeBufferPointer(body)
        return true
    }

    /// `write(escaped:to:)`, for what is not a list or an object: swift-mustache prints Swift's description of
    /// a collection (a dictionary's in an order that changes from run to run); here it prints as nothing.
    func writeUnlessCollection(escaped: Bool, to output: inout RenderBuffer) {
        switch self {
        case .list, .object: break
        default: write(escaped: escaped, to: &output)
        }
    }

    /// Appends what `{{x}}` (escaped) or `{{{x}}}` shows.
    func write(escaped: Bool, to output: inout RenderBuffer) {
        switch self {
        case .string(let text):
            if escaped {
                text.withUTF8Bytes { HTMLEscaping.append($0, to: &output) }
            } else {
                output.append(text)
            }
        case .utf8(let bytes):
            if escaped {
                bytes.withUnsafeBufferPointer { HTMLEscaping.append($0, to: &output) }
            } else {
                output.append(bytes)
            }
        case .int(let number):
            output.append(String(number))
        case .bool, .list, .object:  // (a list or object only reaches here through a transform's result)
            if escaped {
                text.withUTF8Bytes { HTMLEscaping.append($0, to: &output) }
            } else {
                output.append(text)
            }
        }
    }
}

/// Escaping for HTML text and attribute values, as swift-mustache escapes `{{x}}`, but by byte: a quote
/// followed by a combining mark is one Character, which a Character-by-Character escape lets through.
enum HTMLEscaping {
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout RenderBuffer) {
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
            output.append(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            entity.withUTF8Buffer { output.append($0) }
            index += 1
            start = index
        }
        output.append(UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    /// Whether a byte of `word` may be one of `<>&"'`: never false when one is (`ByteWord`), so a false
    /// answer lets all eight through unescaped.
    static func mayNeedEscaping(_ word: UInt64) -> Bool {
        ByteWord.has(0x3C, in: word) | ByteWord.has(0x3E, in: word) | ByteWord.has(0x26, in: word)
            | ByteWord.has(0x22, in: word) | ByteWord.has(0x27, in: word) != 0
    }
}
