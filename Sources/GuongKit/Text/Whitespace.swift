// Unsafe code: whether a name is single-spaced is read over its UTF-8 buffer.
extension StringProtocol {
    /// The text without leading and trailing white space and line ends: the same as Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, by scalar, without bridging to NSString.
    func trimmingWhitespaceAndNewlines() -> String {
        trimming { $0.isWhitespaceOrNewline }
    }

    /// The text without leading and trailing white space: Foundation's `trimmingCharacters(in: .whitespaces)`
    /// (tab, the space separators and the zero-width space), by scalar.
    func trimmingWhitespace() -> String {
        trimming { $0.isWhitespaceNotNewline }
    }

    /// The text without the scalars `isTrimmed` takes at either end. Most values have none there: they are
    /// returned as they are, not copied (free for a String, what most callers have).
    private func trimming(_ isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let end = scalars.index(after: scalars.lastIndex(where: { !isTrimmed($0) })!)
        return first == scalars.startIndex && end == scalars.endIndex ? String(self) : String(self[first..<end])
    }
}

extension Unicode.Scalar {
    /// Foundation's `CharacterSet.whitespaces`: tab, the space separators (Zs) and the zero-width space.
    var isWhitespaceNotNewline: Bool {
        switch value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Foundation's `CharacterSet.whitespacesAndNewlines`: tab, line ends (U+000A–U+000D, U+0085,
    /// U+2028, U+2029), the space separators (Zs) and, as Foundation has it, the zero-width space.
    var isWhitespaceOrNewline: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}

extension String {
    /// Runs of white space (as `Character.isWhitespace` has it) as single spaces, none at either end:
    /// `" Nguyễn\t Văn  A "` → `"Nguyễn Văn A"`. Names are read ten thousand times a build, and most are
    /// single-spaced already, which the bytes show without splitting the text into Characters.
    func collapsingSpaces() -> String {
        if isSingleSpaced { return self }
        return split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Printable ASCII, Latin letters up to U+02FF and Vietnamese letters (U+1E00–U+1EFF) only — no other
    /// white space, no combining marks —, with single spaces between words and none at either end.
    private var isSingleSpaced: Bool {
        return withUTF8Bytes { bytes in
            guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return bytes.isEmpty }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x20:
                    if bytes[index - 1] == 0x20 { return false }
                    index += 1
                case 0x21...0x7E:
                    index += 1
                case 0xC3...0xCB:  // U+00C0–U+02FF
                    index += 2
                case 0xE1 where index + 1 < bytes.count && (0xB8...0xBB).contains(bytes[index + 1]):  // U+1E00–U+1EFF
                    index += 3
                default:
                    return false
                }
            }
            return true
        }
    }
}
