// Unsafe code: a shared list is known by the address of its elements, which the memo keeps alive with it.
import GuongKit
import Synchronization

/// The output of a template's sections over lists that many pages share (the layout's menu, one list per
/// part of the site), kept per section and list. A list is known by where its elements lie: the memo keeps
/// each list it has output for, so that address cannot be reused by another list while the memo lives.
final class SectionMemo: Sendable {
    private struct Key: Hashable {
        var instruction: Int
        var address: UInt
    }

    private struct Entry: Sendable {
        let items: [TemplateValue]
        let bytes: [UInt8]
    }

    private let entries = Mutex<[Key: Entry]>([:])

    private static func key(_ instruction: Int, _ items: [TemplateValue]) -> Key? {
        items.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { Key(instruction: instruction, address: UInt(bitPattern: $0)) } }
    }

    /// What the section at `instruction` gave for `items`, if it was kept.
    func output(instruction: Int, items: [TemplateValue]) -> [UInt8]? {
        guard let key = Self.key(instruction, items) else { return nil }
        return entries.withLock { $0[key]?.bytes }
    }

    func store(_ bytes: [UInt8], instruction: Int, items: [TemplateValue]) {
        guard let key = Self.key(instruction, items) else { return }
        entries.withLock { $0[key] = Entry(items: items, bytes: bytes) }
    }

    /// How many outputs are kept (for tests).
    var count: Int { entries.withLock { $0.count } }
}
