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
    /// Words one after the other: word `i` is `bytes[ends[i - 1]..<ends[i]]` (the first from 0).
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []

    var count: Int { ends.count }

    /// Forgets the words, keeping the storage.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    /// Calls `body` with the bytes of each word.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        bytes.withUnsafeBufferPointer { bytes in
            var start = 0
            for end in ends {
                body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                start = end
            }
        }
    }

    /// Appends the words of `text` that the index keeps: `SearchText.words(text)`, less those over
    /// `SearchText.maxWordLength` scalars.
    mutating func append(_ text: String) {
        var text = text
        let scanned = text.withUTF8 { appendByTable($0) }
        if !scanned {
            for word in SearchText.words(text) where word.unicodeScalars.count <= SearchText.maxWordLength {
                bytes += word.utf8
                ends.append(bytes.count)
            }
        }
    }

    /// The words of `text` by the table; false, with nothing appended, for a text it does not cover.
    mutating func appendByTable(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let (startBytes, startWords) = (bytes.count, ends.count)
        let covered = Self.table.withUnsafeBufferPointer { table in
            var index = 0
            var wordScalars = 0
            while index < text.count {
                // Swift strings are valid UTF-8, so a lead byte says how many continuation bytes follow.
                let lead = text[index]
                let entry: Entry
                if lead < 0x80 {
                    entry = table[Int(lead)]
                    index += 1
                } else if lead < 0xE0 {
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
                    var lowered = entry.bytes
                    for _ in 0..<entry.byteCount {
                        bytes.append(UInt8(truncatingIfNeeded: lowered))
                        lowered >>= 8
                    }
                    wordScalars += Int(entry.scalarCount)
                case .separator:
                    endWord(scalars: &wordScalars)
                case .unknown:
                    return false
                }
            }
            endWord(scalars: &wordScalars)
            return true
        }
        if !covered {
            bytes.removeSubrange(startBytes...)
            ends.removeSubrange(startWords...)
        }
        return covered
    }

    /// Closes the word being appended, if any: kept, or dropped when it is too long.
    private mutating func endWord(scalars: inout Int) {
        let start = ends.last ?? 0
        guard bytes.count > start else { return }
        if scalars <= SearchText.maxWordLength {
            ends.append(bytes.count)
        } else {
            bytes.removeSubrange(start...)
        }
        scalars = 0
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
