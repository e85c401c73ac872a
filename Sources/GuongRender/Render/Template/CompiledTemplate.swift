import GuongKit

/// A Mustache template parsed once into nodes that render straight into one output buffer.
///
/// It reads the theme's templates exactly as swift-mustache does (the same tokens, the same rules for
/// standalone lines and partial indentation), for the part of Mustache the themes use: variables, `{{{ }}}`
/// and `{{& }}`, sections, inverted sections, comments, partials and transforms such as `{{lowercased(x)}}`.
/// A template with anything else (set delimiters, inheritance, pragmas, dynamic partials, sequence
/// transforms like `{{#first()}}`) is not compiled, and the theme is rendered by swift-mustache instead,
/// so output never depends on which engine ran.
struct CompiledTemplate: Sendable {
    indirect enum Node: Sendable {
        /// Literal text, as the UTF-8 bytes it is written out as.
        case text([UInt8])
        case variable(Name, escaped: Bool)
        case section(Name, [Node], inverted: Bool)
        /// `indentation` is set for a standalone partial tag: the blanks before it.
        case partial(String, indentation: String?)
    }

    /// A variable or section name, split at its dots once.
    struct Name: Sendable {
        enum Scope: Sendable {
            /// `.`: the current object.
            case current
            /// `.a.b`: looked up in the current object only.
            case currentOnly
            /// `a.b`: the first object up the stack that has `a`.
            case stack
        }
        var scope: Scope
        /// Each part with its hash, made once.
        var parts: [TemplateKey]
        /// Transforms to apply to the value, innermost first: `lowercased(x)` → `["lowercased"]`.
        var transforms: [String] = []
    }

    /// Why a template is left to swift-mustache.
    struct Unsupported: Error {}

    let nodes: [Node]

    init(_ text: String) throws(Unsupported) {
        var parser = TemplateParser(text)
        nodes = try parser.parse(section: nil, newLine: true)
        guard parser.atEnd else { throw Unsupported() }
    }
}

/// swift-mustache's reading rules, for the supported tags. Positions are Characters, as there.
private struct TemplateParser {
    let text: String
    var position: String.Index

    init(_ text: String) {
        self.text = text
        position = text.startIndex
    }

    var atEnd: Bool { position == text.endIndex }
    /// The current Character, or NUL at the end.
    var current: Character { atEnd ? "\0" : text[position] }

    mutating func advance() { position = text.index(after: position) }

    @discardableResult
    mutating func read(while accept: (Character) -> Bool) -> Substring {
        let start = position
        while !atEnd, accept(text[position]) { advance() }
        return text[start..<position]
    }

    /// Consumes `literal` if the text continues with it; running out of text is an error, as there.
    mutating func read(_ literal: String) throws(CompiledTemplate.Unsupported) -> Bool {
        let start = position
        for character in literal {
            guard !atEnd else { throw CompiledTemplate.Unsupported() }
            guard text[position] == character else {
                position = start
                return false
            }
            advance()
        }
        return true
    }

    static func isBlank(_ character: Character) -> Bool { character == " " || character == "\t" }

    /// Text up to the next `{{` (consumed) or line end (not consumed).
    mutating func readText() throws(CompiledTemplate.Unsupported) -> String {
        var result = ""
        while !atEnd {
            result += read { $0 != "\n" && $0 != "\r\n" && $0 != "{" }
            if current.isNewline { break }
            if current == "{" {
                if try read("{{") { break }
                result.append("{")
                advance()
            }
        }
        return result
    }

    static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    /// A tag's name, as written, and its closing `}}`.
    mutating func readName() throws(CompiledTemplate.Unsupported) -> String {
        read(while: \.isWhitespace)
        let name = String(read { Self.nameCharacters.contains($0) || $0 == "(" || $0 == ")" })
        read(while: \.isWhitespace)
        guard try read("}}") else { throw CompiledTemplate.Unsupported() }
        return name
    }

    mutating func readPartialName() throws(CompiledTemplate.Unsupported) -> String {
        read(while: \.isWhitespace)
        let name = String(read { Self.partialNameCharacters.contains($0) })
        read(while: \.isWhitespace)
        guard try read("}}") else { throw CompiledTemplate.Unsupported() }
        return name
    }

    /// Whether the rest of the line is blank; if so the line end is consumed.
    mutating func lineFinished() -> Bool {
        if atEnd { return true }
        var probe = self
        probe.read(while: Self.isBlank)
        guard probe.current.isNewline else { return false }
        probe.advance()
        position = probe.position
        return true
    }

    mutating func parse(section: String?, newLine startsOnNewLine: Bool) throws(CompiledTemplate.Unsupported) -> [CompiledTemplate.Node] {
        var nodes: [CompiledTemplate.Node] = []
        var newLine = startsOnNewLine
        var blanksBefore: Substring = ""
        func flushBlanks() {
            if !blanksBefore.isEmpty {
                nodes.append(.text(Array(blanksBefore.utf8)))
                blanksBefore = ""
            }
        }
        while !atEnd {
            if newLine { blanksBefore = read(while: Self.isBlank) }
            let text = try readText()
            if current.isNewline {
                nodes.append(.text(Array((blanksBefore + text + String(current)).utf8)))
                newLine = true
                advance()
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Array((blanksBefore + text).utf8)))
                blanksBefore = ""
                newLine = false
            }
            if atEnd { break }
            var standalone = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                advance()
                let name = try readName()
                if newLine && lineFinished() { standalone = true } else { flushBlanks() }
                let children = try parse(section: name, newLine: standalone && newLine)
                nodes.append(.section(try Self.name(name), children, inverted: inverted))
            case "/":
                advance()
                let name = try readName()
                guard name == section else { throw CompiledTemplate.Unsupported() }
                if !(newLine && lineFinished()) { flushBlanks() }
                return nodes
            case "!":
                advance()
                try skipComment()
                standalone = newLine && lineFinished()
            case "{", "&":
                flushBlanks()
                let triple = current == "{"
                advance()
                let name = try readName()
                if triple { guard try read("}") else { throw CompiledTemplate.Unsupported() } }
                nodes.append(.variable(try Self.name(name), escaped: false))
            case ">":
                advance()
                read(while: \.isWhitespace)
                guard current != "*" else { throw CompiledTemplate.Unsupported() }
                let name = try readPartialName()
                let indentation = String(blanksBefore)
                flushBlanks()
                if newLine && lineFinished() {
                    standalone = true
                    nodes.append(.partial(name, indentation: indentation))
                } else {
                    nodes.append(.partial(name, indentation: nil))
                }
            case "<", "$", "=", "%":
                throw CompiledTemplate.Unsupported()
            default:
                flushBlanks()
                nodes.append(.variable(try Self.name(try readName()), escaped: true))
            }
            newLine = standalone
        }
        guard section == nil else { throw CompiledTemplate.Unsupported() }
        return nodes
    }

    mutating func skipComment() throws(CompiledTemplate.Unsupported) {
        while !atEnd {
            if current == "}", try read("}}") { return }
            advance()
        }
        throw CompiledTemplate.Unsupported()
    }

    /// How swift-mustache resolves a name: `.`, `.a.b` (current object only) or `a.b` (up the stack),
    /// after taking off its transforms: `a(b(x))` is `x` with `b` applied, then `a`.
    static func name(_ written: String) throws(CompiledTemplate.Unsupported) -> CompiledTemplate.Name {
        var scanner = TemplateParser(written)
        let plain = { (character: Character) in nameCharacters.contains(character) }
        var text = String(scanner.read(while: plain))
        var transforms: [String] = []
        if !scanner.atEnd {
            // swift-mustache's grammar: each transform followed by "(", the variable, then one ")" per transform.
            guard scanner.current == "(" else { throw CompiledTemplate.Unsupported() }
            scanner.advance()
            transforms = [text]
            while true {
                text = String(scanner.read(while: plain))
                if scanner.current == "(" {
                    scanner.advance()
                    transforms.append(text)
                    continue
                }
                guard scanner.current == ")" else { throw CompiledTemplate.Unsupported() }
                let closing = scanner.read { $0 == ")" }
                guard closing.count == transforms.count, scanner.atEnd else { throw CompiledTemplate.Unsupported() }
                break
            }
            // `{{#first()}}` and the like ask for the position in a list, which only swift-mustache tracks.
            guard !text.isEmpty else { throw CompiledTemplate.Unsupported() }
            transforms.reverse()
        }
        let parts = text.split(separator: ".").map { TemplateKey(String($0)) }
        if text == "." { return .init(scope: .current, parts: [], transforms: transforms) }
        if text.first == "." { return .init(scope: .currentOnly, parts: parts, transforms: transforms) }
        return .init(scope: .stack, parts: parts, transforms: transforms)
    }
}
