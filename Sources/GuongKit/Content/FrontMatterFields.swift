/// The front matter's recognised keys, each with the node it holds; unknown and repeated keys are reported.
struct FrontMatterFields {
    private(set) var values: [ProfileKey: YAMLNode] = [:]
    private(set) var keyLocations: [ProfileKey: SourceLocation] = [:]

    init(_ mapping: [(key: YAMLNode, value: YAMLNode)], diagnostics: inout [Diagnostic]) {
        for (keyNode, written) in mapping {
            let name = keyNode.scalar ?? ""
            guard let key = ProfileKey(matching: name) else {
                let suggestion = Suggestion.nearest(to: name, in: ProfileKey.allNames)
                diagnostics.append(.keyUnknown(keyNode.location, key: name, suggestion: suggestion))
                continue
            }
            if let first = keyLocations[key] {
                diagnostics.append(.keyDuplicate(keyNode.location, key: name, first: first))
                continue
            }
            var value = Self.unquotingCurly(written, key: name, diagnostics: &diagnostics)
            if key == .year { value = Self.splittingList(value) }  // `fields` splits knowing the field names
            values[key] = value
            keyLocations[key] = keyNode.location
            if let (node, scalar) = Self.firstInvisible(in: value) {
                diagnostics.append(.valueControlCharacter(node.location, key: name, scalar: scalar))
            }
        }
    }

    /// Control characters, bidirectional overrides and zero-width characters: invisible in a name, they make
    /// two names look alike, reorder the text around them on a page, or upset a terminal.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2069, 0xFEFF, 0xFFF9...0xFFFB, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// The first scalar value (at any depth) holding an invisible character, and that character.
    private static func firstInvisible(in node: YAMLNode) -> (YAMLNode, Unicode.Scalar)? {
        switch node.value {
        case .scalar(let text, _):
            return text.unicodeScalars.first(where: isInvisible).map { (node, $0) }
        case .sequence(let items):
            return items.lazy.compactMap(firstInvisible).first
        case .mapping(let pairs):
            return pairs.lazy.compactMap { firstInvisible(in: $0.value) }.first
        }
    }

    subscript(key: ProfileKey) -> YAMLNode? { values[key] }

    /// Where a key was written, if it was.
    func location(of key: ProfileKey) -> SourceLocation? { keyLocations[key] }

    /// A scalar's trimmed text; a list or mapping is reported as the wrong type.
    func text(_ key: ProfileKey, diagnostics: inout [Diagnostic]) -> (String, SourceLocation)? {
        guard let node = values[key] else { return nil }
        guard let text = node.scalar else {
            diagnostics.append(.valueType(node.location, key: key, expected: "một giá trị chữ, không phải danh sách"))
            return nil
        }
        let trimmed = text.trimmingWhitespaceAndNewlines()
        return trimmed.isEmpty ? nil : (trimmed, node.location)
    }
}
