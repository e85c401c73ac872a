extension SiteModel {
    /// The kind's name from the schema: Tập thể, Cá nhân (the pages, the report and the export use it).
    package func kindName(_ kind: ProfileKind) -> String {
        schema.definition(of: kind)?.name ?? kind.rawValue
    }
}

extension Array {
    /// The element at `index`, or nil outside the array (a stage index read from a file, say).
    package subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
