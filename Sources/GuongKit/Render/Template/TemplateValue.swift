/// A value handed to a template, typed once so that rendering does no dynamic casts.
///
/// Made from the `[String: Any]` dictionaries the page renderers build. Mustache treats an empty string as
/// a true section, so `{{#registered}}…{{/registered}}` would show its frame with nothing in it: empty
/// strings are left out at every depth, and a template sees them as absent.
/// The renderers hand templates nothing but strings, integers, booleans, lists and dictionaries.
enum TemplateValue: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// The value for `value`, or nil for an empty string (which a template sees as missing).
    init?(compacting value: Any) {
        switch value {
        case let value as TemplateValue: self = value
        case let text as String:
            guard !text.isEmpty else { return nil }
            self = .string(text)
        case let dictionary as [String: Any]: self = .object(Self.compact(dictionary))
        case let array as [[String: Any]]: self = .list(array.map { .object(Self.compact($0)) })
        case let values as [TemplateValue]: self = .list(values)
        case let array as [Any]: self = .list(array.compactMap { TemplateValue(compacting: $0) })
        case let number as Int: self = .int(number)
        case let flag as Bool: self = .bool(flag)
        default:
            assertionFailure("a template value of type \(type(of: value))")
            self = .string(String(describing: value))
        }
    }

    /// A dictionary's values, compacted.
    static func compact(_ dictionary: [String: Any]) -> [String: TemplateValue] {
        var result: [String: TemplateValue] = [:]
        result.reserveCapacity(dictionary.count)
        for (key, value) in dictionary {
            if let value = TemplateValue(compacting: value) { result[key] = value }
        }
        return result
    }

    /// The plain Swift value it was made from (after compaction), for the swift-mustache fallback.
    var anyValue: Any {
        switch self {
        case .string(let text): text
        case .int(let number): number
        case .bool(let flag): flag
        case .list(let values): values.map(\.anyValue)
        case .object(let dictionary): dictionary.mapValues(\.anyValue)
        }
    }
}
