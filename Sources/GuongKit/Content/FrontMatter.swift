// Unsafe code: looks for a CR in the text's contiguous UTF-8 (a pass over every file of a build).
/// A profile file split into its YAML front matter and its Markdown body.
public struct FrontMatterSplit: Sendable, Equatable {
    /// The YAML between the fences, without them.
    public var yaml: String
    /// The file line on which the YAML's first line stands (2 when the file opens with `---`).
    public var yamlFirstLine: Int
    /// The Markdown after the closing fence.
    public var body: String
    /// The file line on which the body's first line stands.
    public var bodyFirstLine: Int

    /// Why a file has no usable front matter.
    public enum Problem: Error, Equatable, Sendable {
        /// The file does not open with a `---` line.
        case missing
        /// The `---` on line 1 is never closed by a `---` or `...` line.
        case unclosed
    }

    /// Splits `text` (LF line ends) at its `---` fences.
    public static func split(_ text: String) throws(Problem) -> FrontMatterSplit {
        let utf8 = text.utf8
        // Only the fences are looked at, byte by byte: splitting every line of the body and joining them
        // again cost more than the rest of reading a profile. (A CR can only come from a caller that did not
        // normalise line ends; Characters treat CR LF as one, so that text takes the line-by-line way.)
        let hasCR = text.withUTF8Bytes { $0.index(ofByte: 0x0D, from: 0) != nil }
        guard !hasCR else { return try splitByLines(text) }
        func lineEnd(from start: String.Index) -> String.Index { utf8[start...].firstIndex(of: 0x0A) ?? utf8.endIndex }
        var end = lineEnd(from: utf8.startIndex)
        guard isFence(utf8[..<end]) else { throw .missing }
        let yamlStart = end == utf8.endIndex ? end : utf8.index(after: end)
        var lineNumber = 1
        while end != utf8.endIndex {
            let start = utf8.index(after: end)
            end = lineEnd(from: start)
            lineNumber += 1
            let line = utf8[start..<end]
            guard isFence(line) || isEnd(line) else { continue }
            return FrontMatterSplit(
                yaml: lineNumber == 2 ? "" : String(text[yamlStart..<utf8.index(before: start)]),
                yamlFirstLine: 2,
                body: end == utf8.endIndex ? "" : String(text[utf8.index(after: end)...]),
                bodyFirstLine: lineNumber + 1
            )
        }
        throw .unclosed
    }

    /// The definition, line by line.
    static func splitByLines(_ text: String) throws(Problem) -> FrontMatterSplit {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, isFence(first) else { throw .missing }
        for index in 1..<lines.count where isFence(lines[index]) || isEnd(lines[index]) {
            return FrontMatterSplit(
                yaml: lines[1..<index].joined(separator: "\n"),
                yamlFirstLine: 2,
                body: lines[(index + 1)...].joined(separator: "\n"),
                bodyFirstLine: index + 2
            )
        }
        throw .unclosed
    }

    /// `---` and nothing but blanks after it; by bytes, which is the same as by Characters here.
    private static func isFence(_ line: Substring.UTF8View) -> Bool {
        line.starts(with: "---".utf8) && line.dropFirst(3).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    private static func isEnd(_ line: Substring.UTF8View) -> Bool {
        line.starts(with: "...".utf8) && line.dropFirst(3).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.utf8.count >= 3 && line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }

    private static func isEnd(_ line: Substring) -> Bool {
        line.hasPrefix("...") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
