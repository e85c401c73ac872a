/// A short form readers type and the words it stands for (`registration.yaml`, `search_words:`):
/// `HT` → *Hiệu trưởng*, `THCS` → *Trung học cơ sở*. The search page finds either when given one.
public struct SearchWord: Sendable, Hashable {
    public var short: String
    public var long: String
}

extension RegistrationSchema {
    /// `search_words: [{short: HT, long: Hiệu trưởng}, {short: [TH, Tiểu học], …}]`: `short` is one form or a list.
    static func readSearchWords(_ root: YAMLNode, _ reader: inout ConfigReader) -> [SearchWord] {
        guard root["search_words"] != nil else { return [] }
        var words: [SearchWord] = []
        for node in reader.list(root, "search_words") ?? [] {
            guard let long = reader.text(node, "long") else { continue }
            let shorts = reader.texts(node, "short")
            if shorts.isEmpty { reader.diagnostics.append(.configInvalid(node.location, "thiếu khóa \"short\" (dạng viết tắt).")) }
            words += shorts.map { SearchWord(short: $0, long: long) }
        }
        return words
    }
}
