/// A value handed to a template, typed as the page renderers build it, so rendering does no dynamic casts.
///
/// Mustache treats an empty string as a true section, so `{{#registered}}…{{/registered}}` would show its
/// frame with nothing in it: strings go in through `text(_:)`, which leaves an empty one out, and a template
/// sees it as absent. The renderers hand templates nothing but strings, integers, booleans, lists and objects.
enum TemplateValue: Sendable {
    /// Never empty: made by `text(_:)`.
    case string(String)
    /// Text already encoded as UTF-8 (a page's rendered content, handed to the layout without decoding it again).
    case utf8([UInt8])
    case int(Int)
    case bool(Bool)
    case list([TemplateValue])
    case object(TemplateObject)

    /// `text` as a value, or nil when it is empty (which a template sees as missing).
    static func text(_ text: String) -> TemplateValue? {
        text.isEmpty ? nil : .string(text)
    }

    /// Rendered UTF-8 bytes as a value, or nil when there are none.
    static func utf8(bytes: [UInt8]) -> TemplateValue? {
        bytes.isEmpty ? nil : .utf8(bytes)
    }

    /// A list of objects.
    static func list(_ objects: [TemplateObject]) -> TemplateValue {
        .list(objects.map(TemplateValue.object))
    }

    /// The plain Swift value, for the swift-mustache fallback.
    var anyValue: Any {
        switch self {
        case .string(let text): text
        case .utf8(let bytes): String(decoding: bytes, as: UTF8.self)
        case .int(let number): number
        case .bool(let flag): flag
        case .list(let values): values.map(\.anyValue)
        case .object(let object): object.fields.mapValues(\.anyValue)
        }
    }
}

/// A template's object: named values. Built like a dictionary; a nil value (an empty `text`) is left out.
///
/// An object may extend another (`extending(_:)`): it then has the other's values too, its own replacing
/// those with the same name — what a page adds to a profile's card, or a registration row to it, without
/// copying the card's values for every page and row.
struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    /// The object's own values; `fields` includes the extended object's.
    private var own: [String: TemplateValue]
    private var base: Base?
    /// Set on shared objects whose partials a `PartialMemo` may keep; any change to the object clears it.
    private(set) var memoKey: Int?

    private final class Base: Sendable {
        let object: TemplateObject
        init(_ object: TemplateObject) { self.object = object }
    }

    init(dictionaryLiteral elements: (String, TemplateValue?)...) {
        own = Dictionary(minimumCapacity: elements.count)
        for (key, value) in elements where value != nil { own[key] = value }
    }

    init(_ fields: [String: TemplateValue]) {
        own = fields
    }

    /// An object with nothing of its own yet, over `base`.
    init(extending base: TemplateObject) {
        own = [:]
        self.base = Base(base)
    }

    /// Every value, the extended object's included.
    var fields: [String: TemplateValue] {
        guard let base else { return own }
        return base.object.fields.merging(own) { _, mine in mine }
    }

    subscript(key: String) -> TemplateValue? {
        get { own[key] ?? base?.object[key] }
        set {
            if newValue == nil, let base, base.object[key] != nil {
                // Removing a value the extended object has: this object stops extending it.
                own = base.object.fields.merging(own) { _, mine in mine }
                self.base = nil
            }
            own[key] = newValue
            memoKey = nil
        }
    }

    /// This object's values over `base`'s.
    func extending(_ base: TemplateObject) -> TemplateObject {
        var object = self
        object.base = Base(self.base.map { $0.object.extending(base) } ?? base)
        object.memoKey = nil
        return object
    }

    /// The same object, marked for a `PartialMemo` under `key`.
    func memoized(as key: Int) -> TemplateObject {
        var object = self
        object.memoKey = key
        return object
    }
}

extension TemplateObject {
    /// UI strings as an object (`{{t.key}}`); empty strings left out, as everywhere.
    init(strings: [String: String]) {
        self.init(strings.compactMapValues(TemplateValue.text))
    }
}
