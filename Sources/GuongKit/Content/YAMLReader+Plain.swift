// Unsafe code: reads plain front matter over the text's UTF-8 buffer, without a copy.
/// Front matter in the shape schools write it — `key: value` lines whose values are plain text, a
/// double-quoted string without escapes, or a one-line `[list]` of those — read without libyaml.
///
/// Reading it through Yams (libyaml, tag resolution by regular expressions, duplicate checks by hashing
/// nodes) cost more than the whole Markdown body. This reader gives the same `YAMLNode` tree, positions
/// included, for the documents it accepts, and declines (nil) anything else: comments, other quotes,
/// escapes, blocks, nesting, empty values, tabs, control and line-separator characters, `&` and `*`
/// anywhere, repeated keys. Those go to Yams as before, which also reports every error. A test compares the two.
extension YAMLReader {
    func readPlain(_ yaml: String, path: String, firstLine: Int) -> YAMLNode? {
        guard maxDepth >= 2 else { return nil }
        return yaml.withUTF8Bytes { bytes in
            var reader = PlainYAML(bytes: bytes, path: path, firstLine: firstLine)
            guard let pairs = reader.read(), let first = pairs.first, 1 + 2 * pairs.count + reader.items <= maxNodes else { return nil }
            return YAMLNode(value: .mapping(pairs), location: first.key.location)
        }
    }
}

/// The reader itself, over the UTF-8 bytes; every byte it acts on is ASCII, so other characters pass through.
private struct PlainYAML {
    let bytes: UnsafeBufferPointer<UInt8>
    let path: String
    let firstLine: Int
    /// Sequence items read, for the node budget.
    var items = 0

    init(bytes: UnsafeBufferPointer<UInt8>, path: String, firstLine: Int) {
        self.bytes = bytes
        self.path = path
        self.firstLine = firstLine
    }

    static let space: UInt8 = 0x20, colon: UInt8 = 0x3A, hash: UInt8 = 0x23, quote: UInt8 = 0x22, comma: UInt8 = 0x2C
    static let openBracket: UInt8 = 0x5B, closeBracket: UInt8 = 0x5D

    /// Characters that begin something other than plain text when they start a scalar (and `.`, for `...`).
    static func isIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2D, 0x3F, 0x3A, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22, 0x25, 0x40, 0x60, 0x2E: true
        default: false
        }
    }

    /// What ends or nests a plain item inside `[ ]`, or could be read as a mapping there.
    static func isFlowForbidden(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x5B, 0x5D, 0x7B, 0x7D, 0x3A, 0x22, 0x27, 0x23: true
        default: false
        }
    }

    mutating func read() -> [(key: YAMLNode, value: YAMLNode)]? {
        guard Self.isPlainText(bytes) else { return nil }
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var keys = Set<String>()
        var lineStart = 0
        var lineNumber = firstLine
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer {
                lineStart = lineEnd + 1
                lineNumber += 1
            }
            if lineEnd == lineStart { continue }
            guard let pair = readLine(lineStart..<lineEnd, number: lineNumber),
                  keys.insert(pair.key.scalar ?? "").inserted else { return nil }
            pairs.append(pair)
        }
        return pairs
    }

    /// Printable for libyaml, no tab, no line break but LF, no `&` or `*` (which the alias check looks at),
    /// nothing outside the Basic Multilingual Plane; checked on the UTF-8 bytes.
    static func isPlainText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x0A, 0x20...0x25, 0x27...0x29, 0x2B...0x7E:
                index += 1
            case 0xC2:  // U+0080–U+00BF: only U+00A0 and after are printable (no NEL, no C1 controls)
                guard index + 1 < bytes.count, bytes[index + 1] >= 0xA0 else { return false }
                index += 2
            case 0xC3...0xDF:
                index += 2
            case 0xE2:  // U+2028 and U+2029 break lines in YAML
                guard index + 2 < bytes.count, !(bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)) else { return false }
                index += 3
            case 0xEF:  // U+FEFF and U+FFFE, U+FFFF are not
                guard index + 2 < bytes.count else { return false }
                let second = bytes[index + 1], third = bytes[index + 2]
                if second == 0xBB, third == 0xBF { return false }
                if second == 0xBF, third >= 0xBE { return false }
                index += 3
            case 0xE0...0xEC, 0xEE:
                index += 3
            default:  // controls, DEL, U+D000–U+DFFF leads, four-byte scalars
                return false
            }
        }
        return true
    }

    func location(_ offset: Int, line: Int, lineStart: Int) -> SourceLocation {
        // Columns count scalars: each has exactly one byte that is not a continuation byte.
        var column = 1
        for index in lineStart..<offset where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return SourceLocation(path: path, line: line, column: column)
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The first `first` followed by `second` in `range`.
    func find(_ first: UInt8, _ second: UInt8, in range: Range<Int>) -> Int? {
        var index = range.lowerBound
        while index + 1 < range.upperBound {
            if bytes[index] == first, bytes[index + 1] == second { return index }
            index += 1
        }
        return nil
    }

    mutating func readLine(_ line: Range<Int>, number: Int) -> (key: YAMLNode, value: YAMLNode)? {
        // The key: plain text up to the first ": ", with no colon, comment or trailing blank in it.
        let first = bytes[line.lowerBound]
        guard first != Self.space, !Self.isIndicator(first),
              let colon = find(Self.colon, Self.space, in: line) else { return nil }
        let key = line.lowerBound..<colon
        guard bytes[colon - 1] != Self.space, !bytes[key].contains(Self.colon),
              find(Self.space, Self.hash, in: key) == nil else { return nil }
        // The value, after the blanks that follow the colon.
        var start = colon + 1
        while start < line.upperBound, bytes[start] == Self.space { start += 1 }
        guard start < line.upperBound, bytes[line.upperBound - 1] != Self.space else { return nil }
        let keyNode = YAMLNode(value: .scalar(text(key), quoted: false), location: location(line.lowerBound, line: number, lineStart: line.lowerBound))
        let at = location(start, line: number, lineStart: line.lowerBound)
        if bytes[start] == Self.openBracket {
            guard bytes[line.upperBound - 1] == Self.closeBracket,
                  let list = flowItems((start + 1)..<(line.upperBound - 1), line: number, lineStart: line.lowerBound) else { return nil }
            items += list.count
            return (keyNode, YAMLNode(value: .sequence(list), location: at))
        }
        guard let scalar = blockScalar(start..<line.upperBound) else { return nil }
        return (keyNode, YAMLNode(value: .scalar(scalar.text, quoted: scalar.quoted), location: at))
    }

    /// A value on its own: `"text"` without quotes or backslashes inside, or plain text that cannot be
    /// read as anything else (no `: `, no ` #`, no colon at the end).
    func blockScalar(_ range: Range<Int>) -> (text: String, quoted: Bool)? {
        if bytes[range.lowerBound] == Self.quote {
            guard range.count >= 2, bytes[range.upperBound - 1] == Self.quote else { return nil }
            let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
            guard !bytes[inner].contains(Self.quote), !bytes[inner].contains(0x5C) else { return nil }
            return (text(inner), true)
        }
        guard !Self.isIndicator(bytes[range.lowerBound]), bytes[range.upperBound - 1] != Self.colon,
              find(Self.colon, Self.space, in: range) == nil, find(Self.space, Self.hash, in: range) == nil else { return nil }
        return (text(range), false)
    }

    /// The items of `[a, "b c", d]` between the brackets: plain words or double-quoted strings, separated
    /// by commas and blanks.
    func flowItems(_ range: Range<Int>, line: Int, lineStart: Int) -> [YAMLNode]? {
        var items: [YAMLNode] = []
        var index = range.lowerBound
        func skipBlanks() { while index < range.upperBound, bytes[index] == Self.space { index += 1 } }
        skipBlanks()
        while index < range.upperBound {
            let start = index
            if bytes[index] == Self.quote {
                index += 1
                while index < range.upperBound, bytes[index] != Self.quote {
                    guard bytes[index] != 0x5C else { return nil }
                    index += 1
                }
                guard index < range.upperBound else { return nil }
                index += 1
                items.append(YAMLNode(value: .scalar(text((start + 1)..<(index - 1)), quoted: true),
                                      location: location(start, line: line, lineStart: lineStart)))
            } else {
                guard !Self.isIndicator(bytes[index]) else { return nil }
                while index < range.upperBound, bytes[index] != Self.comma {
                    guard !Self.isFlowForbidden(bytes[index]) else { return nil }
                    index += 1
                }
                var end = index
                while end > start, bytes[end - 1] == Self.space { end -= 1 }
                guard find(Self.space, Self.hash, in: start..<end) == nil else { return nil }
                items.append(YAMLNode(value: .scalar(text(start..<end), quoted: false),
                                      location: location(start, line: line, lineStart: lineStart)))
            }
            skipBlanks()
            guard index < range.upperBound else { break }
            // A comma, then another item.
            guard bytes[index] == Self.comma else { return nil }
            index += 1
            skipBlanks()
            guard index < range.upperBound else { return nil }
        }
        return items
    }
}
