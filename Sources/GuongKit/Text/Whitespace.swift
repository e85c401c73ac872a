extension StringProtocol {
    /// The text without leading and trailing white space and line ends: the same as Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, by scalar, without bridging to NSString.
    func trimmingWhitespaceAndNewlines() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isWhitespaceOrNewline }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isWhitespaceOrNewline })!
        return String(self[first..<scalars.index(after: last)])
    }
}

extension Unicode.Scalar {
    /// Foundation's `CharacterSet.whitespacesAndNewlines`: tab, line ends (U+000A–U+000D, U+0085,
    /// U+2028, U+2029), the space separators (Zs) and, as Foundation has it, the zero-width space.
    var isWhitespaceOrNewline: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
