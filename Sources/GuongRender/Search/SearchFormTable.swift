// Unsafe code: the search index's word table compares and hashes words as raw 8-byte blocks (indexing's hot loop).
import GuongKit

/// Distinct words as UTF-8 bytes, numbered in the order they were first inserted: the index's set of
/// word forms. A `Set<String>` hashes a non-ASCII Swift string through its normalised form, scalar by
/// scalar; the forms are NFC already (`SearchText.words` makes them so), so equal bytes are equal
/// strings and a hash of the bytes is enough.
///
/// Words are handled eight bytes at a time: each is stored from a multiple of 8 and padded with zeros
/// to one (`padded(_:)`), so most words are hashed and compared as a single 64-bit number.
struct SearchFormTable {
    /// Form `i` is `bytes[starts[i]..<starts[i] + counts[i]]`, then zeros to a multiple of 8.
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [Int] = []
    private(set) var counts: [Int] = []
    private(set) var hashes: [UInt64] = []
    /// Open addressing, linear probing: a form's number, or -1. Never more than half full.
    private var slots: [Int32] = Array(repeating: -1, count: 64)
    /// 64 minus log2 of the slots: a slot is the top bits of a hash.
    private var shift = 64 - 6

    var count: Int { starts.count }

    func string(_ form: Int) -> String {
        String(decoding: bytes[starts[form]..<starts[form] + counts[form]], as: UTF8.self)
    }

    /// Bytes that hold `count` bytes padded with zeros to a multiple of 8.
    static func padded(_ count: Int) -> Int { (count + 7) & ~7 }

    /// A hash of the `padded(count)` bytes at `word`: multiplicative (Fibonacci) hashing, one step per
    /// 8 bytes, whose top bits, which pick the slot, depend on every byte.
    static func hash(_ word: UnsafeRawPointer, count: Int) -> UInt64 {
        var hash = UInt64(count)
        for offset in stride(from: 0, to: count, by: 8) {
            hash = (hash ^ word.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
        }
        return hash &* 0x9E37_79B9_7F4A_7C15
    }

    /// The number of the `count` bytes at `word` (padded, with `hash`), inserted first if they are new.
    mutating func insert(_ word: UnsafeRawPointer, count: Int, hash: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash >> UInt64(shift))
        let found = slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBytes { bytes in
                while slots[slot] >= 0 {
                    let form = Int(slots[slot])
                    if hashes[form] == hash, counts[form] == count, Self.equal(bytes.baseAddress! + starts[form], word, count: count) {
                        return form
                    }
                    slot = (slot + 1) & mask
                }
                return -1
            }
        }
        if found >= 0 { return found }
        let form = self.count
        starts.append(bytes.count)
        counts.append(count)
        hashes.append(hash)
        bytes.append(contentsOf: UnsafeRawBufferPointer(start: word, count: Self.padded(count)))
        slots[slot] = Int32(form)
        if 2 * self.count > slots.count { grow() }
        return form
    }

    private static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Bool {
        for offset in stride(from: 0, to: count, by: 8)
        where a.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) {
            return false
        }
        return true
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for (form, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash >> UInt64(shift))
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(form)
        }
    }
}
