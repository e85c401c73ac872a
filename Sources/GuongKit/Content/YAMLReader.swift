import Yams

/// Reads YAML text into `YAMLNode`s with file positions, within bounds that hostile input cannot stretch.
public struct YAMLReader: Sendable {
    /// Maximum nesting of lists and mappings.
    public var maxDepth = 16
    /// Maximum number of nodes in one document.
    public var maxNodes = 10_000
    /// Whether plain front matter skips libyaml (`YAMLReader+Plain.swift`); tests compare both ways.
    var usesPlainReader = true

    public init() {}

    /// Yams' default encoding, looked up once: as a default argument it reads the whole environment on every call.
    /// (A plain enum, never mutated; Yams does not mark it Sendable.)
    nonisolated(unsafe) private static let encoding = Parser.Encoding.default

    /// Parses `yaml`, whose first line stands at `firstLine` of the file `path`.
    public func read(_ yaml: String, path: String, firstLine: Int = 1) throws(YAMLProblem) -> YAMLNode? {
        func location(_ mark: Mark?) -> SourceLocation {
            guard let mark else { return SourceLocation(path: path, line: firstLine, column: 1) }
            return SourceLocation(path: path, line: mark.line + firstLine - 1, column: mark.column)
        }
        // Plain front matter has no `&` or `*`, so no anchor or alias either.
        if usesPlainReader, let node = readPlain(yaml, path: path, firstLine: firstLine) { return node }
        // Anchors and aliases have no use in our files and let a few bytes expand into a huge tree.
        if let (line, column) = Self.firstAnchorOrAlias(in: yaml) {
            throw YAMLProblem(kind: .alias, detail: "anchor or alias",
                              location: SourceLocation(path: path, line: line + firstLine - 1, column: column))
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml, .default, .default, Self.encoding)
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                 .composer(let context, let problem, let mark, _):
                // libyaml's context ("while scanning a quoted scalar") marks where the broken construct began,
                // which is where the user must look; the problem's own mark is often the end of the text.
                let detail = [context?.text, problem].compactMap { $0 }.joined(separator: ": ")
                // libyaml stops at 1,000 levels by itself; that is our limit being exceeded, not a typo.
                let kind: YAMLProblem.Kind = problem.hasPrefix("Maximum nesting level") ? .tooDeep : .syntax
                throw YAMLProblem(kind: kind, detail: kind == .tooDeep ? "nested deeper than \(maxDepth)" : detail,
                                  location: location(context?.mark ?? mark))
            case .reader(let problem, let offset, _, _):
                // A byte libyaml will not read (NUL, another control character): point at it, not at the whole block.
                let at = offset.map { Self.lineAndColumn(ofCharacter: $0, in: yaml) }
                throw YAMLProblem(kind: .syntax, detail: problem,
                                  location: at.map { SourceLocation(path: path, line: $0.line + firstLine - 1, column: $0.column) }
                                      ?? location(nil))
            case .duplicatedKeysInMapping(let duplicates, let context):
                // Yams marks the first occurrence; the mistake is the repetition, so point at that.
                let first = location(context.mark)
                let key = duplicates.first ?? ""
                let repeated = Self.repetition(of: key, after: context.mark, in: yaml)
                    .map { SourceLocation(path: path, line: $0.line + firstLine - 1, column: $0.column) }
                throw YAMLProblem(kind: .duplicateKey, detail: key, location: repeated ?? first,
                                  firstLocation: repeated == nil ? nil : first)
            default:
                throw YAMLProblem(kind: .syntax, detail: "", location: location(nil))
            }
        } catch {
            throw YAMLProblem(kind: .syntax, detail: "", location: location(nil))
        }
        guard let node else { return nil }
        var budget = maxNodes
        return try convert(node, depth: 0, budget: &budget, location: location)
    }

    private func convert(_ node: Node, depth: Int, budget: inout Int,
                         location: (Mark?) -> SourceLocation) throws(YAMLProblem) -> YAMLNode {
        budget -= 1
        guard budget >= 0 else {
            throw YAMLProblem(kind: .tooLarge, detail: "more than \(maxNodes) nodes", location: location(node.mark))
        }
        guard depth <= maxDepth else {
            throw YAMLProblem(kind: .tooDeep, detail: "nested deeper than \(maxDepth)", location: location(node.mark))
        }
        switch node {
        case .scalar(let scalar):
            return YAMLNode(value: .scalar(scalar.string, quoted: scalar.style != .plain && scalar.style != .any),
                            location: location(scalar.mark))
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence {
                items.append(try convert(item, depth: depth + 1, budget: &budget, location: location))
            }
            return YAMLNode(value: .sequence(items), location: location(sequence.mark))
        case .mapping(let mapping):
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            for (key, value) in mapping {
                pairs.append((try convert(key, depth: depth + 1, budget: &budget, location: location),
                              try convert(value, depth: depth + 1, budget: &budget, location: location)))
            }
            return YAMLNode(value: .mapping(pairs), location: location(mapping.mark))
        case .alias(let alias):
            throw YAMLProblem(kind: .alias, detail: "alias", location: location(alias.mark))
        }
    }

    /// The 1-based line and column (in scalars) of the character at `offset` of `text` (Yams counts characters).
    static func lineAndColumn(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
        let prefix = text.prefix(max(0, offset))
        let line = prefix.count { $0 == "\n" } + 1
        let lineStart = prefix.lastIndex(of: "\n").map { prefix.index(after: $0) } ?? prefix.startIndex
        return (line, prefix[lineStart...].unicodeScalars.count + 1)
    }

    /// Where `key` is written again at the same indentation after its first occurrence at `mark`.
    static func repetition(of key: String, after mark: Mark, in yaml: String) -> (line: Int, column: Int)? {
        let indent = String(repeating: " ", count: max(mark.column - 1, 0))
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line < lines.count else { return nil }
        for index in mark.line..<lines.count {
            let line = lines[index]
            guard line.hasPrefix(indent), !line.dropFirst(indent.count).hasPrefix(" ") else { continue }
            let rest = line.dropFirst(indent.count)
            for written in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(written) {
                if rest.dropFirst(written.count).drop(while: { $0 == " " }).hasPrefix(":") { return (index + 1, mark.column) }
            }
        }
        return nil
    }

    /// The position of an `&anchor` or `*alias` token, if the text has one. It looks where YAML lets a
    /// node start: at the start of a line or after `-`, `:`, `?`, `[`, `{` or `,`, outside quotes and comments.
    /// (A plain value such as `A, *B` is flagged too; quoting it is the fix the message gives.)
    static func firstAnchorOrAlias(in yaml: String) -> (line: Int, column: Int)? {
        let nodeStarters: Set<Unicode.Scalar> = ["-", ":", "?", "[", "{", ","]
        for (lineIndex, text) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let scalars = Array(text.unicodeScalars)
            var quote: Unicode.Scalar?
            var previous: Unicode.Scalar?  // the last non-blank scalar before this one on the line
            for (index, scalar) in scalars.enumerated() {
                defer { if scalar != " " && scalar != "\t" { previous = scalar } }
                if let open = quote {
                    if scalar == open { quote = nil }
                    continue
                }
                switch scalar {
                case "#" where index == 0 || scalars[index - 1] == " ":
                    break
                case "\"", "'":
                    if previous == nil || nodeStarters.contains(previous!) { quote = scalar }
                    continue
                case "&", "*":
                    let named = index + 1 < scalars.count && !" \t,]}".unicodeScalars.contains(scalars[index + 1])
                    if named, previous == nil || nodeStarters.contains(previous!) {
                        return (lineIndex + 1, index + 1)
                    }
                    continue
                default:
                    continue
                }
                break
            }
        }
        return nil
    }
}
