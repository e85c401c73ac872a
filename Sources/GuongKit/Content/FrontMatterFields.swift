/// The front matter's recognised keys, each with the node it holds; unknown and repeated keys are reported.
struct FrontMatterFields {
    private(set) var values: [ProfileKey: YAMLNode] = [:]
    private(set) var keyLocations: [ProfileKey: SourceLocation] = [:]

    init(_ mapping: [(key: YAMLNode, value: YAMLNode)], diagnostics: inout [Diagnostic]) {
        for (keyNode, value) in mapping {
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
            values[key] = value
            keyLocations[key] = keyNode.location
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
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : (trimmed, node.location)
    }
}
