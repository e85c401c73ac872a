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

    private static func isFence(_ line: Substring) -> Bool {
        line.utf8.count >= 3 && line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }

    private static func isEnd(_ line: Substring) -> Bool {
        line.hasPrefix("...") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
