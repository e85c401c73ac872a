/// What a word processor does to front matter, read as the school meant it.
extension FrontMatterFields {
    /// Curly quotes (“…”, ‘…’) as Word types them are no YAML quotes: the value is read without them, with a
    /// warning, so they never reach the page.
    static func unquotingCurly(_ node: YAMLNode, key: String, diagnostics: inout [Diagnostic]) -> YAMLNode {
        switch node.value {
        case .scalar(let text, let quoted):
            let trimmed = text.trimmingWhitespaceAndNewlines()
            // Most values start with no curly quote: known by the first scalar, before any Character is made.
            guard let opening = trimmed.unicodeScalars.first, [0x201C, 0x2018, 0x201E].contains(opening.value) else { return node }
            guard let first = trimmed.first, let last = trimmed.last, trimmed.count >= 2,
                  (first == "“" && last == "”") || (first == "‘" && last == "’") || (first == "„" && last == "“") else { return node }
            diagnostics.append(.valueCurlyQuotes(node.location, key: key, quote: String(first) + "…" + String(last)))
            return YAMLNode(value: .scalar(String(trimmed.dropFirst().dropLast()), quoted: quoted), location: node.location)
        case .sequence(let items):
            return YAMLNode(value: .sequence(items.map { unquotingCurly($0, key: key, diagnostics: &diagnostics) }), location: node.location)
        case .mapping:
            return node
        }
    }

    /// `fields: a, đ` or `year: 2022, 2023`: a list written without its brackets, read as the list.
    static func splittingList(_ node: YAMLNode) -> YAMLNode {
        guard case .scalar(let text, false) = node.value, text.contains(",") else { return node }
        let items = text.split(separator: ",").map {
            YAMLNode(value: .scalar(String($0).trimmingWhitespaceAndNewlines(), quoted: false), location: node.location)
        }
        return YAMLNode(value: .sequence(items), location: node.location)
    }
}

extension Diagnostic {
    static func valueCurlyQuotes(_ at: SourceLocation, key: String, quote: String) -> Diagnostic {
        Diagnostic(.valueCurlyQuotes, at: at,
                   "giá trị của \"\(key)\" nằm trong dấu ngoặc kép kiểu Word (\(quote)); đã đọc giá trị không kèm dấu ngoặc — lần sau hãy bỏ chúng hoặc dùng dấu \" thường.")
    }
}
