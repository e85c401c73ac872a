import Foundation
import Mustache
@testable import GuongKit
@testable import GuongRender

/// swift-mustache, the reference the compiled templates are compared with: the same templates rendered
/// from the same values made plain Swift values.
struct MustacheOracle {
    let library: MustacheLibrary

    init(_ templates: [String: String]) throws {
        var library = MustacheLibrary()
        for (name, text) in templates { try library.register(text, named: name) }
        self.library = library
    }

    /// What swift-mustache renders for `template` with `value` as the root.
    func render(_ template: String, _ value: TemplateValue) -> String {
        library.render(value.anyValue, withTemplate: template) ?? ""
    }
}

extension TemplateValue {
    /// The value as swift-mustache reads it: strings, integers and booleans as they are; objects and lists
    /// in types that look up, iterate and transform as a dictionary and an array do there, but print as
    /// nothing (the compiled engine's choice: swift-mustache would print Swift's description, in an order
    /// that changes from run to run for a dictionary).
    var anyValue: Any {
        switch self {
        case .string(let text): text
        case .utf8(let bytes): String(decoding: bytes, as: UTF8.self)
        case .int(let number): number
        case .bool(let flag): flag
        case .list(let values): OracleList(items: values.map(\.anyValue))
        case .object(let object): OracleObject(fields: object.fields.mapValues(\.anyValue))
        }
    }
}

/// A template object for swift-mustache: a dictionary's lookups and transforms, printed as nothing.
struct OracleObject: MustacheParent, MustacheCustomRenderable, MustacheTransformable {
    var fields: [String: Any]
    var renderText: String { "" }
    var isNull: Bool { false }
    func child(named name: String) -> Any? { fields[name] }
    func transform(_ name: String) -> Any? {
        switch name {
        case "count": fields.count
        case "empty": fields.isEmpty
        // A dictionary's `sorted`: `(key:, value:)` pairs by key.
        case "sorted": OracleList(items: fields.sorted { $0.key < $1.key }.map { OracleObject(fields: ["key": $0.key, "value": $0.value]) })
        default: nil
        }
    }
}

/// A template list for swift-mustache: an array's iteration and transforms, printed as nothing.
struct OracleList: MustacheSequence, MustacheCustomRenderable, MustacheTransformable {
    var items: [Any]
    var renderText: String { "" }
    var isNull: Bool { false }
    func makeIterator() -> IndexingIterator<[Any]> { items.makeIterator() }
    func transform(_ name: String) -> Any? {
        switch name {
        case "first": items.first
        case "last": items.last
        case "reversed": OracleList(items: items.reversed())
        case "count": items.count
        case "empty": items.isEmpty
        default: nil
        }
    }
}

extension Theme {
    /// A theme of these templates alone.
    static func of(_ templates: [String: String]) throws -> Theme {
        Theme(templateSources: templates, strings: [:], assets: [:], compiled: try CompiledTemplates.compile(templates))
    }
}
