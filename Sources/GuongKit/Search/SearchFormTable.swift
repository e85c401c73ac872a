/// Distinct words as UTF-8 bytes, numbered in the order they were first inserted: the index's set of
/// word forms. A `Set<String>` hashes a non-ASCII Swift string through its normalised form, scalar by
/// scalar; the forms are NFC already (`SearchText.words` makes them so), so equal bytes are equal
/// strings and a hash of the bytes is enough.
struct SearchFormTable {
    /// Form `i` is `bytes[ends[i - 1]..<ends[i]]` (the first from 0).
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []
    private var hashes: [UInt32] = []
    /// Open addressing, linear probing: a form's number, or -1. Never more than half full.
    private var slots: [Int32] = Array(repeating: -1, count: 64)

    var count: Int { ends.count }

    func range(of form: Int) -> Range<Int> { (form == 0 ? 0 : ends[form - 1])..<ends[form] }

    func string(_ form: Int) -> String { String(decoding: bytes[range(of: form)], as: UTF8.self) }

    /// The number of `word`, inserted first if it is new.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(word)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] >= 0 {
            let form = Int(slots[slot])
            if hashes[form] == hash, holds(form, word) { return form }
            slot = (slot + 1) & mask
        }
        let form = ends.count
        bytes.append(contentsOf: word)
        ends.append(bytes.count)
        hashes.append(hash)
        slots[slot] = Int32(form)
        if 2 * ends.count > slots.count { grow() }
        return form
    }

    private func holds(_ form: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = range(of: form)
        return range.count == word.count && bytes.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[range]).elementsEqual(word) }
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (form, hash) in hashes.enumerated() {
            var slot = Int(hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(form)
        }
    }

    /// FNV-1a, then mixed (MurmurHash3's finaliser) so that the low bits, which pick the slot, depend on
    /// every byte: words are a few bytes long, and only need to spread over the table.
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in word {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        hash ^= hash >> 16
        hash = hash &* 0x85EB_CA6B
        hash ^= hash >> 13
        hash = hash &* 0xC2B2_AE35
        return hash ^ hash >> 16
    }
}
