/// The front matter's recognised keys, each with the node it holds; unknown and repeated keys are reported.
struct FrontMatterFields {
    private(set) var values: [ProfileKey: YAMLNode] = [:]
    private(set) var keyLocations: [ProfileKey: SourceLocation] = [:]

    init(_ mapping: [(key: YAMLNode, value: YAMLNode)], diagnostics: inout [Diagnostic]) {
        values.reserveCapacity(mapping.count)
        keyLocations.reserveCapacity(mapping.count)
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

    /// Characters a reader cannot see (`InvisibleCharacters`).
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool { InvisibleCharacters.contains(scalar) }

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
