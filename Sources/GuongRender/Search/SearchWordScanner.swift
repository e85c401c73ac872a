// Unsafe code: cuts words from UTF-8 bytes through a table into a padded scratch buffer (indexing's hot loop).
import GuongKit

/// `SearchText.words` on UTF-8 bytes, for the index: the same words, without the whole text
/// lowercased into a new String, scalars appended one by one and a String made of every word.
///
/// Each scalar most profile text is made of — ASCII, Latin up to U+02FF (đ, ơ, ư), the precomposed
/// Vietnamese letters (U+1E00–U+1EFF) and general punctuation (U+2000–U+206F) — is looked up in a
/// table made from `SearchText.words` itself at startup, so the two cannot disagree: a separator, or a
/// letter with its lowercase bytes. A text with any other scalar, or one of these whose lowercase the
/// table cannot vouch for (İ lowercases to `i` and a combining dot, which NFC must see), is cut by
/// `SearchText.words`.
struct SearchWordScanner {
    /// The words, as `SearchFormTable` takes them: padded with zeros to a multiple of 8 bytes, so kept as
    /// 64-bit chunks (a chunk appended is one store, where a word's bytes appended as a buffer took the
    /// array's general copy for every word).
    private var chunks: [UInt64] = []
    /// Each word's first chunk, byte count and hash.
    private var words: [(start: Int, count: Int, hash: UInt64)] = []

    /// Forgets the words, keeping the storage.
    mutating func removeAll() {
        chunks.removeAll(keepingCapacity: true)
        words.removeAll(keepingCapacity: true)
    }

    /// Calls `body` with each word: its padded bytes, their count and their `SearchFormTable.hash`.
    func forEach(_ body: (UnsafeRawPointer, Int, UInt64) -> Void) {
        chunks.withUnsafeBytes { bytes in
            for word in words { body(bytes.baseAddress! + 8 * word.start, word.count, word.hash) }
        }
    }

    /// Appends the `count` bytes at `word`, zeros after them up to the next multiple of 8 included.
    private mutating func appendPadded(_ word: UnsafeRawPointer, count: Int, hash: UInt64) {
        words.append((chunks.count, count, hash))
        for offset in stride(from: 0, to: count, by: 8) {
            chunks.append(word.loadUnaligned(fromByteOffset: offset, as: UInt64.self))  // the same bytes in memory
        }
    }

    /// Appends `word`'s bytes, padded.
    private mutating func appendPadded(_ word: String) {
        var bytes = Array(word.utf8)
        let count = bytes.count
        bytes += repeatElement(0, count: SearchFormTable.padded(count) - count)
        bytes.withUnsafeBytes { appendPadded($0.baseAddress!, count: count, hash: SearchFormTable.hash($0.baseAddress!, count: count)) }
    }

    /// Appends the words of `text` that the index keeps: `SearchText.words(text)`, less those over
    /// `SearchText.maxWordLength` scalars.
    mutating func append(_ text: String) {
        let scanned = text.withUTF8Bytes { appendByTable($0) }
        if !scanned {
            for word in SearchText.words(text) where word.unicodeScalars.count <= SearchText.maxWordLength {
                appendPadded(word)
            }
        }
    }

    /// Appends `word` as it is, one word (a phrase of `SearchPhrases`, spaces and all).
    mutating func appendWord(_ word: String) {
        appendPadded(word)
    }

    /// The words of `text` by the table; false, with nothing appended, for a text it does not cover.
    mutating func appendByTable(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let (startChunks, startWords) = (chunks.count, words.count)
        // A word is gathered in `word` and appended whole. A scalar's lowercase is at most 4 bytes,
        // so a word longer than 4 × maxWordLength bytes is too long to keep: it is only counted.
        let capacity = 4 * SearchText.maxWordLength
        let covered = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity + 8) { word in
            Self.table.withUnsafeBufferPointer { table in Self.ascii.withUnsafeBufferPointer { ascii in
                var length = 0
                var scalars = 0
                // The word's bytes since its last multiple of 8, the first in the lowest byte, stored eight at a
                // time: the hash reads them back as 64-bit numbers, which a store of single bytes could not
                // hand on to the load without a stall.
                var chunk: UInt64 = 0
                let start = UnsafeMutableRawPointer(word.baseAddress!)
                func put(_ byte: UInt8) {
                    chunk |= UInt64(byte) << UInt64((length & 7) << 3)
                    length += 1
                    if length & 7 == 0 {
                        start.storeBytes(of: chunk.littleEndian, toByteOffset: length - 8, as: UInt64.self)
                        chunk = 0
                    }
                }
                func endWord() {
                    if length > 0, scalars <= SearchText.maxWordLength {
                        // The last bytes with the zeros that pad them.
                        if length & 7 != 0 { start.storeBytes(of: chunk.littleEndian, toByteOffset: length & ~7, as: UInt64.self) }
                        appendPadded(start, count: length, hash: SearchFormTable.hash(start, count: length))
                    }
                    length = 0
                    scalars = 0
                    chunk = 0
                }
                var index = 0
                while index < text.count {
                    // Swift strings are valid UTF-8, so a lead byte says how many continuation bytes follow.
                    let lead = text[index]
                    if lead < 0x80 {  // most bytes: one lookup
                        let lowered = ascii[Int(lead)]
                        if lowered == 0 {
                            endWord()
                        } else {
                            if length < capacity { put(lowered) }
                            scalars += 1
                        }
                        index += 1
                        continue
                    }
                    let entry: Entry
                    if lead < 0xE0 {
                        let value = Int(lead & 0x1F) << 6 | Int(text[index + 1] & 0x3F)
                        guard value < 0x300 else { return false }
                        entry = table[value]
                        index += 2
                    } else if lead < 0xF0 {
                        let value = Int(lead & 0x0F) << 12 | Int(text[index + 1] & 0x3F) << 6 | Int(text[index + 2] & 0x3F)
                        switch value {
                        case 0x1E00..<0x1F00: entry = table[value - 0x1E00 + 0x300]
                        case 0x2000..<0x2070: entry = table[value - 0x2000 + 0x400]
                        default: return false
                        }
                        index += 3
                    } else {
                        return false
                    }
                    switch entry.kind {
                    case .letter:
                        if length + Int(entry.byteCount) <= capacity {
                            var lowered = entry.bytes
                            for _ in 0..<entry.byteCount {
                                put(UInt8(truncatingIfNeeded: lowered))
                                lowered >>= 8
                            }
                        }
                        scalars += Int(entry.scalarCount)
                    case .separator:
                        endWord()
                    case .unknown:
                        return false
                    }
                }
                endWord()
                return true
            } }
        }
        if !covered {
            chunks.removeSubrange(startChunks...)
            words.removeSubrange(startWords...)
        }
        return covered
    }

    /// What one scalar is to `SearchText.words`.
    struct Entry {
        enum Kind: UInt8 { case separator, letter, unknown }
        var kind: Kind
        /// Its lowercase, when a letter: `byteCount` UTF-8 bytes, the first in the lowest byte.
        var bytes: UInt32 = 0
        var byteCount: UInt8 = 0
        /// Scalars in its lowercase, for `SearchText.maxWordLength`.
        var scalarCount: UInt8 = 0
    }

    /// Entries for U+0000–U+02FF, then U+1E00–U+1EFF from 0x300, then U+2000–U+206F from 0x400.
    static let table: [Entry] = (Array(0..<0x300) + Array(0x1E00..<0x1F00) + Array(0x2000..<0x2070)).map { value in
        entry(for: Unicode.Scalar(UInt32(value))!)
    }

    /// The table's ASCII entries as a byte each: the lowercase letter, or 0 for a separator (ASCII is
    /// all letters and separators, as every ASCII character lowercases to one and is NFC).
    static let ascii: [UInt8] = table[..<0x80].map { $0.kind == .letter ? UInt8(truncatingIfNeeded: $0.bytes) : 0 }

    /// A letter when `SearchText.words` of the scalar alone is its lowercase, a separator when it is
    /// no word, as long as that lowercase is NFC by construction: then a text of such scalars is cut
    /// scalar by scalar, as `SearchText.words` skips its NFC pass and lowercases each scalar alone.
    static func entry(for scalar: Unicode.Scalar) -> Entry {
        let lowered = String(scalar).lowercased()
        let words = SearchText.words(String(scalar))
        guard SourceText.isNFCByConstruction(lowered), lowered.utf8.count <= 4 else { return Entry(kind: .unknown) }
        if words.isEmpty { return Entry(kind: .separator) }
        guard words.count == 1, words[0].unicodeScalars.elementsEqual(lowered.unicodeScalars) else { return Entry(kind: .unknown) }
        let packed = lowered.utf8.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return Entry(kind: .letter, bytes: packed, byteCount: UInt8(lowered.utf8.count),
                     scalarCount: UInt8(lowered.unicodeScalars.count))
    }
}
