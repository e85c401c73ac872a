import GuongKit

/// A Mustache template parsed once into nodes that render straight into one output buffer.
///
/// It reads the theme's templates exactly as swift-mustache does (the same tokens, the same rules for
/// standalone lines and partial indentation), for the part of Mustache the themes use: variables, `{{{ }}}`
/// and `{{& }}`, sections, inverted sections, comments, partials and transforms such as `{{lowercased(x)}}`.
/// It is the only engine that renders: a template with anything else (set delimiters, inheritance, pragmas,
/// dynamic partials, sequence transforms like `{{#first()}}`) is refused with a `TemplateProblem` saying
/// what and where, and the theme is not used (swift-mustache is kept by the tests as the reference).
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

    let nodes: [Node]

    init(_ text: String) throws(TemplateProblem) {
        var parser = TemplateParser(text)
        nodes = try parser.parse(section: nil, newLine: true)
    }
}

/// swift-mustache's reading rules, for the supported tags. Positions are Characters, as there.
private struct TemplateParser {
    let text: String
    var position: String.Index
    /// The `{{` of the tag being read, where a problem with it is reported.
    var tagStart: String.Index

    init(_ text: String) {
        self.text = text
        position = text.startIndex
        tagStart = position
    }

    /// `reason` at `index`, as a line and a column counted in Unicode scalars.
    func problem(_ reason: TemplateProblem.Reason, at index: String.Index) -> TemplateProblem {
        let before = text[..<index]
        let lineStart = before.lastIndex(where: \.isNewline).map { text.index(after: $0) } ?? text.startIndex
        let line = before.reduce(into: 1) { count, character in if character.isNewline { count += 1 } }
        return TemplateProblem(reason: reason, line: line, column: text[lineStart..<index].unicodeScalars.count + 1)
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
    mutating func read(_ literal: String) throws(TemplateProblem) -> Bool {
        let start = position
        for character in literal {
            guard !atEnd else { throw problem(.unclosedTag, at: tagStart) }
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
    mutating func readText() throws(TemplateProblem) -> String {
        var result = ""
        while !atEnd {
            result += read { $0 != "\n" && $0 != "\r\n" && $0 != "{" }
            if current.isNewline { break }
            if current == "{" {
                tagStart = position
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
    mutating func readName() throws(TemplateProblem) -> String {
        read(while: \.isWhitespace)
        let name = String(read { Self.nameCharacters.contains($0) || $0 == "(" || $0 == ")" })
        read(while: \.isWhitespace)
        guard try read("}}") else { throw problem(.badTag, at: tagStart) }
        return name
    }

    mutating func readPartialName() throws(TemplateProblem) -> String {
        read(while: \.isWhitespace)
        let name = String(read { Self.partialNameCharacters.contains($0) })
        read(while: \.isWhitespace)
        guard try read("}}") else { throw problem(.badTag, at: tagStart) }
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

    /// The nodes up to the end of `section` (opened at `opening`), or of the text.
    mutating func parse(section: String?, newLine startsOnNewLine: Bool,
                        opening: String.Index? = nil) throws(TemplateProblem) -> [CompiledTemplate.Node] {
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
                let opening = tagStart
                let parsedName = try self.name(name, at: opening)
                let children = try parse(section: name, newLine: standalone && newLine, opening: opening)
                nodes.append(.section(parsedName, children, inverted: inverted))
            case "/":
                advance()
                let name = try readName()
                guard name == section else { throw problem(.unexpectedClose(name, open: section), at: tagStart) }
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
                if triple { guard try read("}") else { throw problem(.badTag, at: tagStart) } }
                nodes.append(.variable(try self.name(name, at: tagStart), escaped: false))
            case ">":
                advance()
                read(while: \.isWhitespace)
                guard current != "*" else { throw problem(.dynamicPartial, at: tagStart) }
                let name = try readPartialName()
                let indentation = String(blanksBefore)
                flushBlanks()
                if newLine && lineFinished() {
                    standalone = true
                    nodes.append(.partial(name, indentation: indentation))
                } else {
                    nodes.append(.partial(name, indentation: nil))
                }
            case "<", "$":
                throw problem(.inheritance, at: tagStart)
            case "=":
                throw problem(.setDelimiters, at: tagStart)
            case "%":
                throw problem(.pragma, at: tagStart)
            default:
                flushBlanks()
                let start = tagStart
                nodes.append(.variable(try name(try readName(), at: start), escaped: true))
            }
            newLine = standalone
        }
        if let section { throw problem(.unclosedSection(section), at: opening ?? text.startIndex) }
        return nodes
    }

    mutating func skipComment() throws(TemplateProblem) {
        while !atEnd {
            if current == "}", try read("}}") { return }
            advance()
        }
        throw problem(.unclosedTag, at: tagStart)
    }

    /// How swift-mustache resolves a name: `.`, `.a.b` (current object only) or `a.b` (up the stack),
    /// after taking off its transforms: `a(b(x))` is `x` with `b` applied, then `a`. A problem is reported at `tag`.
    func name(_ written: String, at tag: String.Index) throws(TemplateProblem) -> CompiledTemplate.Name {
        var scanner = TemplateParser(written)
        let plain = { (character: Character) in Self.nameCharacters.contains(character) }
        var text = String(scanner.read(while: plain))
        var transforms: [String] = []
        if !scanner.atEnd {
            // swift-mustache's grammar: each transform followed by "(", the variable, then one ")" per transform.
            guard scanner.current == "(" else { throw problem(.badName(written), at: tag) }
            scanner.advance()
            transforms = [text]
            while true {
                text = String(scanner.read(while: plain))
                if scanner.current == "(" {
                    scanner.advance()
                    transforms.append(text)
                    continue
                }
                guard scanner.current == ")" else { throw problem(.badName(written), at: tag) }
                let closing = scanner.read { $0 == ")" }
                guard closing.count == transforms.count, scanner.atEnd else { throw problem(.badName(written), at: tag) }
                break
            }
            // `{{#first()}}` and the like ask for the position in a list, which only swift-mustache tracks.
            guard !text.isEmpty else { throw problem(.positionInList(written), at: tag) }
            // A dictionary's own order, which changes from one run to the next.
            guard !transforms.contains("enumerated") else { throw problem(.enumerated, at: tag) }
            transforms.reverse()
        }
        let parts = text.split(separator: ".").map { TemplateKey(String($0)) }
        if text == "." { return .init(scope: .current, parts: [], transforms: transforms) }
        if text.first == "." { return .init(scope: .currentOnly, parts: parts, transforms: transforms) }
        return .init(scope: .stack, parts: parts, transforms: transforms)
    }
}
