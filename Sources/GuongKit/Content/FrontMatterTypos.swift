/// Typing mistakes that make front matter unreadable as YAML, found by looking at the lines themselves so
/// the school reads what to fix instead of libyaml's English: a Tab used for indentation, a non-breaking
/// space (Word puts them after a colon), a missing space after the colon (`name:Hồ Văn Phúc`).
/// Only looked for when the YAML could not be read as `key: value` lines, so valid YAML stays accepted.
enum FrontMatterTypos {
    /// The first such mistake in `yaml`, whose first line is line `firstLine` of the file at `path`.
    static func first(in yaml: String, path: String, firstLine: Int) -> Diagnostic? {
        for (offset, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let characters = Array(line)
            let at = { (index: Int) in SourceLocation(path: path, line: firstLine + offset, column: index + 1) }
            let start = characters.firstIndex { $0 != " " && $0 != "\t" && !isNonBreaking($0) } ?? characters.count
            if start < characters.count, characters[start] == "#" { continue }
            if let tab = characters[..<start].firstIndex(of: "\t") { return .tabIndent(at(tab), line: firstLine + offset) }
            if let space = characters[..<start].firstIndex(where: isNonBreaking) {
                return .nonBreakingSpace(at(space), line: firstLine + offset)
            }
            guard let colon = characters[start...].firstIndex(of: ":") else { continue }
            let key = String(characters[start..<colon])
            guard ProfileKey(matching: key) != nil else { continue }
            if let space = characters[start...].firstIndex(where: isNonBreaking) {
                return .nonBreakingSpace(at(space), line: firstLine + offset)
            }
            if colon + 1 < characters.count, characters[colon + 1] != " ", characters[colon + 1] != "\t" {
                return .spaceAfterColon(at(colon + 1), line: firstLine + offset, key: key)
            }
        }
        return nil
    }

    /// U+00A0, U+2007, U+202F: spaces a word processor puts in that YAML does not count as spaces.
    static func isNonBreaking(_ character: Character) -> Bool {
        character == "\u{00A0}" || character == "\u{2007}" || character == "\u{202F}"
    }
}
