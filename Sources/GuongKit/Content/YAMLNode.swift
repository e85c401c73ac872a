import Yams

/// A YAML value with the file position of each piece, converted from Yams once so the rest of
/// the library never sees Yams.
public struct YAMLNode: Sendable {
    public indirect enum Value: Sendable {
        case scalar(String, quoted: Bool)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    public var value: Value
    public var location: SourceLocation

    /// The text of a scalar, nil for a list or mapping. A plain `~`/`null`/empty scalar is "".
    public var scalar: String? {
        guard case .scalar(let text, let quoted) = value else { return nil }
        if !quoted, ["~", "null", "Null", "NULL"].contains(text) { return "" }
        return text
    }

    /// The items of a list, or the value itself as a one-item list.
    public var items: [YAMLNode] {
        if case .sequence(let items) = value { return items }
        return [self]
    }

    public var pairs: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs) = value { return pairs }
        return nil
    }

    /// The value under `key` in a mapping, compared exactly.
    public subscript(key: String) -> YAMLNode? {
        pairs?.first { $0.key.scalar == key }?.value
    }
}

/// Why YAML could not be read.
public struct YAMLProblem: Error, Sendable {
    public enum Kind: Sendable {
        case syntax, alias, tooDeep, tooLarge, duplicateKey
    }
    public var kind: Kind
    /// libyaml's own words (English), for the curious; the check shows a Vietnamese message.
    public var detail: String
    public var location: SourceLocation
    /// For a repeated key: where it was first written.
    public var firstLocation: SourceLocation?
}
