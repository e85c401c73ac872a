// Unsafe code: a new value of an object is moved into its sorted place in the entries' memory.
import GuongKit

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
}

/// A template's object: named values. Built like a dictionary; a nil value (an empty `text`) is left out.
///
/// Values are kept sorted by the hash of their name and found by binary search on it. An object may
/// extend another (`extending(_:)`): it then has the other's values too, its own replacing those with
/// the same name — what a page adds to a profile's card, or a registration row to it, without copying
/// the card's values for every page and row.
struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    struct Entry: Sendable {
        let key: TemplateKey
        var value: TemplateValue
    }

    /// The object's own values, sorted by `key.hash`; `fields` includes the extended object's.
    private(set) var entries: [Entry]
    private(set) var base: Base?
    /// Set on shared objects whose partials a `PartialMemo` may keep; any change to the object clears it.
    private(set) var memoKey: Int?
    /// The object's fingerprint, made once for an object many pages show (a card); any change clears it.
    private var sealedFingerprint: Fingerprint?

    final class Base: Sendable {
        let object: TemplateObject
        init(_ object: TemplateObject) { self.object = object }
    }

    init(dictionaryLiteral elements: (String, TemplateValue?)...) {
        entries = []
        entries.reserveCapacity(elements.count)
        for (name, value) in elements { assign(value, to: TemplateKey(name)) }
    }

    init(_ fields: [String: TemplateValue]) {
        entries = []
        entries.reserveCapacity(fields.count)
        for (name, value) in fields { assign(value, to: TemplateKey(name)) }
    }

    /// Sets or removes the object's own value under `key` (the subscript's setter adds what a base and a memo
    /// need): a new entry is appended and the entries after its place moved up by one in memory (most objects
    /// are made from a literal of ten to twenty values; the array's general `insert`, and swapping entries,
    /// each copied and released entries and was most of the cost of making one).
    private mutating func assign(_ value: TemplateValue?, to key: TemplateKey) {
        if let index = index(of: key) {
            if let value { entries[index].value = value } else { entries.remove(at: index) }
            return
        }
        guard let value else { return }
        let place = insertionPoint(for: key.hash)
        entries.append(Entry(key: key, value: value))
        guard place < entries.count - 1 else { return }
        entries.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            let new = (base + buffer.count - 1).move()
            (base + place + 1).moveInitialize(from: base + place, count: buffer.count - 1 - place)
            (base + place).initialize(to: new)
        }
    }

    /// An object with nothing of its own yet, over `base`.
    init(extending base: TemplateObject) {
        entries = []
        self.base = Base(base)
    }

    /// Every value, the extended object's included.
    var fields: [String: TemplateValue] {
        let own = Dictionary(entries.map { ($0.key.name, $0.value) }, uniquingKeysWith: { _, last in last })
        guard let base else { return own }
        return base.object.fields.merging(own) { _, mine in mine }
    }

    subscript(name: String) -> TemplateValue? {
        get { self[TemplateKey(name)] }
        set { self[TemplateKey(name)] = newValue }
    }

    subscript(key: TemplateKey) -> TemplateValue? {
        get {
            if let index = index(of: key) { return entries[index].value }
            return base?.object[key]
        }
        set {
            memoKey = nil
            sealedFingerprint = nil
            assign(newValue, to: key)
            if newValue == nil, let base, base.object[key] != nil {
                // Removing a value the extended object has: this object stops extending it.
                self = TemplateObject(fields.filter { $0.key != key.name })
            }
        }
    }

    /// The first entry whose hash is not below `hash`.
    private func insertionPoint(for hash: UInt64) -> Int {
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].key.hash < hash { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func index(of key: TemplateKey) -> Int? {
        var index = insertionPoint(for: key.hash)
        while index < entries.count, entries[index].key.hash == key.hash {
            if entries[index].key.name == key.name { return index }
            index += 1
        }
        return nil
    }

    /// This object's values over `base`'s.
    func extending(_ base: TemplateObject) -> TemplateObject {
        var object = self
        object.base = Base(self.base.map { $0.object.extending(base) } ?? base)
        object.memoKey = nil
        object.sealedFingerprint = nil
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
    /// Adds every value of the object, the extended object's after its own, to `hasher`: what a template can
    /// read of it. A sealed object adds its fingerprint, made once.
    func fingerprint(into hasher: inout FingerprintHasher) {
        if let sealedFingerprint {
            hasher.add(sealedFingerprint)
            return
        }
        hasher.add(entries.count)
        for entry in entries {
            hasher.add(entry.key.hash)
            entry.value.fingerprint(into: &hasher)
        }
        if let base { base.object.fingerprint(into: &hasher) } else { hasher.add(-1) }
    }

    /// The same object with its fingerprint made now, for objects that many pages show.
    func sealed() -> TemplateObject {
        var hasher = FingerprintHasher()
        fingerprint(into: &hasher)
        var object = self
        object.sealedFingerprint = hasher.finalize()
        return object
    }
}

extension TemplateValue {
    /// Adds the value, tagged with its kind, to `hasher`.
    func fingerprint(into hasher: inout FingerprintHasher) {
        switch self {
        case .string(let text):
            hasher.add(1)
            hasher.add(text)
        case .utf8(let bytes):
            hasher.add(2)
            hasher.add(bytes)
        case .int(let number):
            hasher.add(3)
            hasher.add(number)
        case .bool(let flag):
            hasher.add(4)
            hasher.add(flag)
        case .list(let items):
            hasher.add(5)
            hasher.add(items.count)
            for item in items { item.fingerprint(into: &hasher) }
        case .object(let object):
            hasher.add(6)
            object.fingerprint(into: &hasher)
        }
    }
}

extension TemplateObject {
    /// UI strings as an object (`{{t.key}}`); empty strings left out, as everywhere.
    init(strings: [String: String]) {
        self.init(strings.compactMapValues(TemplateValue.text))
    }
}
