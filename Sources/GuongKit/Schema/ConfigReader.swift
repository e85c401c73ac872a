import Foundation

/// Reads the site's YAML configuration files, reporting what is missing or malformed with its location.
struct ConfigReader {
    let file: ContentFile
    let limits: Limits
    var diagnostics: [Diagnostic] = []

    init(file: ContentFile, limits: Limits) {
        self.file = file
        self.limits = limits
    }

    /// The file's root mapping, or nil (with a diagnostic) when it is missing or unreadable.
    mutating func root() -> YAMLNode? {
        guard FileManager.default.fileExists(atPath: file.url.path) else {
            diagnostics.append(.configMissing(file.whole))
            return nil
        }
        let source: SourceText
        switch file.read(limits: limits) {
        case .success(let text): source = text
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
        var reader = YAMLReader()
        reader.maxNodes = 200_000
        do {
            guard let root = try reader.read(source.text, path: file.displayPath), root.pairs != nil else {
                diagnostics.append(.yamlNotMapping(file.start))
                return nil
            }
            return root
        } catch {
            diagnostics.append(Diagnostic(yamlProblem: error))
            return nil
        }
    }

    /// A required text value under `key`.
    mutating func text(_ node: YAMLNode, _ key: String) -> String? {
        guard let value = node[key] else {
            diagnostics.append(.configInvalid(node.location, "thiếu khóa \"\(key)\"."))
            return nil
        }
        guard let text = value.scalar?.trimmingWhitespaceAndNewlines(), !text.isEmpty else {
            diagnostics.append(.configInvalid(value.location, "\"\(key)\" phải là một giá trị chữ, không để trống."))
            return nil
        }
        return text
    }

    /// An optional text value under `key`.
    func optionalText(_ node: YAMLNode, _ key: String) -> String? {
        node[key]?.scalar?.trimmingWhitespaceAndNewlines()
    }

    /// A required whole number under `key`.
    mutating func integer(_ node: YAMLNode, _ key: String) -> Int? {
        guard let text = text(node, key) else { return nil }
        guard let value = Int(text) else {
            diagnostics.append(.configInvalid(node[key]!.location, "\"\(key)\" phải là một số nguyên, không phải \"\(text)\"."))
            return nil
        }
        return value
    }

    /// A required date under `key`.
    mutating func date(_ node: YAMLNode, _ key: String) -> SimpleDate? {
        guard let text = text(node, key) else { return nil }
        guard let date = SimpleDate(text) else {
            diagnostics.append(.configInvalid(node[key]!.location, "\"\(key)\" phải là ngày dạng năm-tháng-ngày, không phải \"\(text)\"."))
            return nil
        }
        return date
    }

    /// A required list under `key`.
    mutating func list(_ node: YAMLNode, _ key: String) -> [YAMLNode]? {
        guard let value = node[key] else {
            diagnostics.append(.configInvalid(node.location, "thiếu khóa \"\(key)\"."))
            return nil
        }
        guard case .sequence(let items) = value.value else {
            diagnostics.append(.configInvalid(value.location, "\"\(key)\" phải là một danh sách."))
            return nil
        }
        return items
    }

    /// A list of texts under `key`, empty when absent.
    func texts(_ node: YAMLNode, _ key: String) -> [String] {
        node[key]?.items.compactMap { $0.scalar?.trimmingWhitespace() }.filter { !$0.isEmpty } ?? []
    }
}
