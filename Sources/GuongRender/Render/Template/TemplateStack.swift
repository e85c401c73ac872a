// Unsafe code: names are found, and sections entered, through pointers to values that the stack's values hold.
import GuongKit

/// Rendering's context stack. Each frame is the address of a value and a view of it (for an object: where its
/// entries lie and its base, as plain pointers), and lookups give the address of what they find: a name's value
/// is read where it lies, and a section's items are pushed where they lie in their list. Copying a value out
/// and back in was an atomic retain and release for every name a page shows and every item a section walks,
/// on values (the UI strings, the site's, a card's) that both cores share (docs/performance.md).
///
/// The addresses stay valid because every value on the stack lies in a value the stack holds (the root, or a
/// value a transform made, each in a `Held` box until its frame is popped), in a list the section being walked
/// holds, or in an object one of those holds; nothing on the stack changes while it is there.
struct TemplateStack {
    private struct Frame {
        let address: UnsafePointer<TemplateValue>
        let view: TemplateObject.View
        /// Whether this frame's value is the last of `held`, popped with it.
        let holds: Bool
    }

    /// A value the stack was handed (not found in one it holds), kept at an address that does not move.
    final class Held {
        let address: UnsafeMutablePointer<TemplateValue>

        init(_ value: TemplateValue) {
            address = .allocate(capacity: 1)
            address.initialize(to: value)
        }

        deinit {
            address.deinitialize(count: 1)
            address.deallocate()
        }
    }

    private var frames: [Frame] = []
    private var held: [Held] = []

    init(root: TemplateValue) {
        push(root)
    }

    var count: Int { frames.count }

    /// The address of the current value (`.`).
    var top: UnsafePointer<TemplateValue> { frames[frames.count - 1].address }

    /// The memo key of the current value, when it is an object that has one.
    var topMemoKey: Int? { frames[frames.count - 1].view.memoKey }

    /// Pushes a value the stack keeps until it is popped.
    mutating func push(_ value: TemplateValue) {
        push(Held(value))
    }

    /// Pushes the value `box` holds; the stack keeps the box until the value is popped.
    mutating func push(_ box: Held) {
        held.append(box)
        frames.append(Frame(address: UnsafePointer(box.address), view: TemplateObject.View(of: box.address.pointee), holds: true))
    }

    /// Pushes the value at `address`, which something else holds until it is popped: a value found on the stack,
    /// or an item of a list the caller holds.
    mutating func push(at address: UnsafePointer<TemplateValue>) {
        frames.append(Frame(address: address, view: TemplateObject.View(of: address.pointee), holds: false))
    }

    mutating func pop() {
        if frames.removeLast().holds { held.removeLast() }
    }

    /// The address of `key`'s value in the current object only.
    func topChild(_ key: TemplateKey) -> UnsafePointer<TemplateValue>? {
        frames[frames.count - 1].view.address(of: key)
    }

    /// The address of `key`'s value in the first object up the stack that has it.
    func firstChild(_ key: TemplateKey) -> UnsafePointer<TemplateValue>? {
        var index = frames.count - 1
        while index >= 0 {
            if let address = frames[index].view.address(of: key) { return address }
            index -= 1
        }
        return nil
    }

    /// The index of the first object up the stack that has `key`.
    func depth(of key: TemplateKey) -> Int? {
        var index = frames.count - 1
        while index >= 0 {
            if frames[index].view.has(key) { return index }
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

        /// Where `Entry.value` lies in an entry.
        private static let valueOffset = MemoryLayout<Entry>.offset(of: \Entry.value)!

        /// A view of `value` if it is an object; of nothing, otherwise.
        init(of value: TemplateValue) {
            guard case .object(let object) = value else {
                self.init(entries: UnsafeBufferPointer(start: nil, count: 0), base: nil, memoKey: nil)
                return
            }
            self.init(object)
        }

        /// A view of `object`; something must hold it unchanged while the view is used.
        init(_ object: TemplateObject) {
            // The buffer outlives the closure: whatever holds `object` holds it, and never changes it.
            self.init(entries: object.entries.withUnsafeBufferPointer { $0 }, base: object.base.map { Unmanaged.passUnretained($0) },
                      memoKey: object.memoKey)
        }

        private init(entries: UnsafeBufferPointer<Entry>, base: Unmanaged<Base>?, memoKey: Int?) {
            self.entries = entries
            self.base = base
            self.memoKey = memoKey
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

        /// The address of the object's value under `key`, its base's included.
        func address(of key: TemplateKey) -> UnsafePointer<TemplateValue>? {
            if let index = index(of: key) {
                return (UnsafeRawPointer(entries.baseAddress! + index) + Self.valueOffset)
                    .assumingMemoryBound(to: TemplateValue.self)
            }
            // The base is an immutable object the viewed one holds: its entries stay where they are.
            return base?._withUnsafeGuaranteedRef { View($0.object).address(of: key) }
        }

        func has(_ key: TemplateKey) -> Bool {
            address(of: key) != nil
        }
    }
}
