// Unsafe code: names are found on the render stack through pointers into its objects' entries, which the stack owns.
import GuongKit

/// Rendering's context stack. Beside each value it keeps a view of it (for an object: where its entries lie and
/// its base, as plain pointers) that lookups search in place: reading an object out of an array copies it, a
/// retain and a release of its entries and its base for every object a name is looked for in — with the
/// release of a card's shared by both cores, the largest single cost of rendering (docs/performance.md).
///
/// The views stay valid because the stack holds every value it views and nothing on it changes: a value is
/// only pushed, read and popped.
struct TemplateStack {
    /// Owns what `views` point into.
    private var values: [TemplateValue]
    private var views: [TemplateObject.View]

    init(root: TemplateValue) {
        values = [root]
        views = [TemplateObject.View(of: root)]
    }

    var count: Int { values.count }

    /// The current value (`.`).
    var top: TemplateValue { values[values.count - 1] }

    /// The memo key of the current value, when it is an object that has one.
    var topMemoKey: Int? { views[views.count - 1].memoKey }

    mutating func push(_ value: TemplateValue) {
        views.append(TemplateObject.View(of: value))
        values.append(value)
    }

    mutating func pop() {
        views.removeLast()
        values.removeLast()
    }

    /// `key`'s value in the current object only.
    func topChild(_ key: TemplateKey) -> TemplateValue? {
        views[views.count - 1].value(key)
    }

    /// `key`'s value in the first object up the stack that has it.
    func firstChild(_ key: TemplateKey) -> TemplateValue? {
        var index = views.count - 1
        while index >= 0 {
            if let value = views[index].value(key) { return value }
            index -= 1
        }
        return nil
    }

    /// The index of the first object up the stack that has `key`.
    func depth(of key: TemplateKey) -> Int? {
        var index = views.count - 1
        while index >= 0 {
            if views[index].has(key) { return index }
            index -= 1
        }
        return nil
    }
}

extension TemplateObject {
    /// An object's entries and base as plain pointers, valid while something holds the object unchanged.
    struct View {
        private let entries: UnsafeBufferPointer<Entry>
        private let base: Unmanaged<Base>?
        let memoKey: Int?

        /// A view of `value` if it is an object; of nothing, otherwise.
        init(of value: TemplateValue) {
            guard case .object(let object) = value else {
                entries = UnsafeBufferPointer(start: nil, count: 0)
                base = nil
                memoKey = nil
                return
            }
            // The buffer outlives the closure: `value`'s copy on the stack holds it, and is never changed.
            entries = object.entries.withUnsafeBufferPointer { $0 }
            base = object.base.map { Unmanaged.passUnretained($0) }
            memoKey = object.memoKey
        }

        /// The index of `key`'s entry among the object's own, if it has one.
        private func index(of key: TemplateKey) -> Int? {
            var low = 0, high = entries.count
            while low < high {
                let middle = (low + high) / 2
                if entries[middle].key.hash < key.hash { low = middle + 1 } else { high = middle }
            }
            while low < entries.count, entries[low].key.hash == key.hash {
                if entries[low].key.name == key.name { return low }
                low += 1
            }
            return nil
        }

        /// The object's value under `key`, its base's included; only that value is copied.
        func value(_ key: TemplateKey) -> TemplateValue? {
            if let index = index(of: key) { return entries[index].value }
            return base?._withUnsafeGuaranteedRef { $0.object[key] }
        }

        func has(_ key: TemplateKey) -> Bool {
            if index(of: key) != nil { return true }
            return base?._withUnsafeGuaranteedRef { $0.object[key] != nil } ?? false
        }
    }
}
