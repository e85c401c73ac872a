/// Mustache treats an empty string as a true section, so `{{#registered}}…{{/registered}}` would show
/// its frame with nothing in it. Values go to templates with empty strings removed, at every depth.
enum MustacheValues {
    static func compact(_ values: [String: Any]) -> [String: Any] {
        var result: [String: Any] = [:]
        result.reserveCapacity(values.count)
        for (key, value) in values {
            if let compacted = compactValue(value) { result[key] = compacted }
        }
        return result
    }

    private static func compactValue(_ value: Any) -> Any? {
        switch value {
        case let text as String: return text.isEmpty ? nil : text
        case let dictionary as [String: Any]: return compact(dictionary)
        case let array as [[String: Any]]: return array.map(compact)
        case let array as [Any]: return array.compactMap(compactValue)
        default: return value
        }
    }
}
