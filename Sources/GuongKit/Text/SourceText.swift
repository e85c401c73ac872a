// Unsafe code: checks a file's UTF-8 for text that is NFC by construction, over its contiguous bytes.
import Foundation

/// A content file's text, decoded and normalised: UTF-8 (BOM dropped), LF line ends, Unicode NFC.
public struct SourceText: Sendable {
    public var path: String
    public var text: String

    /// Why a file's bytes could not become text.
    public enum Problem: Error, Equatable, Sendable {
        case tooLarge(bytes: Int, limit: Int)
        /// The first byte that is not UTF-8, at this 1-based line and column.
        case notUTF8(line: Int, column: Int)
    }

    /// Decodes `bytes`, refusing files over `limit` bytes and text that is not UTF-8.
    public static func decode(_ bytes: [UInt8], path: String, limit: Int) throws(Problem) -> SourceText {
        guard bytes.count <= limit else { throw .tooLarge(bytes: bytes.count, limit: limit) }
        var slice = bytes[...]
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        guard let decoded = String(validating: slice, as: UTF8.self) else {
            let (line, column) = firstInvalidPosition(in: slice)
            throw .notUTF8(line: line, column: column)
        }
        // Most files need no pass at all: no CR, and NFC by construction, which the bytes show.
        return SourceText(path: path, text: isNormalised(slice) ? decoded : normalise(decoded))
    }

    /// LF line ends and NFC; ASCII text (most keys, many files) skips the Unicode pass.
    static func normalise(_ text: String) -> String {
        var result = text
        if result.utf8.contains(0x0D) {
            // By bytes, not Characters: Swift makes a CR and a combining mark after it one Character,
            // which a Character search for "\r" does not find, though cmark and libyaml still break the line there.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(result.utf8.count)
            var previous: UInt8 = 0
            for byte in result.utf8 {
                if byte == 0x0D {
                    bytes.append(0x0A)
                } else if !(byte == 0x0A && previous == 0x0D) {
                    bytes.append(byte)
                }
                previous = byte
            }
            result = String(decoding: bytes, as: UTF8.self)
        }
        if result.utf8.contains(where: { $0 >= 0x80 }) {
            result = isNFCByConstruction(result) ? result : result.precomposedStringWithCanonicalMapping
        }
        return result
    }

    /// Whether every scalar is one NFC leaves alone and that never composes with the scalar before it:
    /// Latin up to U+02FF (đ, ơ, ư), Latin Extended Additional (every Vietnamese letter with its tone mark,
    /// precomposed) and general punctuation (– “ ” …). Such text is NFC already; a combining mark, as in
    /// text typed on a Mac, falls outside the set and takes Foundation's full pass. (Checked against the
    /// UCD: each of these scalars has NFC_Quick_Check=Yes and combining class 0.)
    package static func isNFCByConstruction(_ text: String) -> Bool {
        return text.withUTF8Bytes { isNFCByConstruction($0[...], allowingCR: true) }
    }

    /// The same test on UTF-8 bytes, by their lead bytes: U+0000–U+02FF are one or two bytes up to
    /// CB BF, U+1E00–U+1EFF are E1 B8–BB xx, the punctuation is E2 80 90–A7 and E2 80 B0–E2 81 9E.
    static func isNFCByConstruction<Bytes: Collection<UInt8>>(_ bytes: Bytes, allowingCR: Bool) -> Bool where Bytes.Index == Int {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte < 0x80 {
                guard byte != 0x0D || allowingCR else { return false }
                index += 1
            } else if byte < 0xCC {
                index += 2
            } else if byte == 0xE1 || byte == 0xE2, index + 2 < bytes.endIndex {
                let second = bytes[index + 1], third = bytes[index + 2]
                let accepted = byte == 0xE1
                    ? (0xB8...0xBB).contains(second)
                    : (second == 0x80 && ((0x90...0xA7).contains(third) || third >= 0xB0)) || (second == 0x81 && third <= 0x9E)
                guard accepted else { return false }
                index += 3
            } else {
                return false
            }
        }
        return true
    }

    /// Whether decoded `bytes` are already what `normalise` makes: no CR, and NFC by construction.
    static func isNormalised(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withContiguousStorageIfAvailable { isNFCByConstruction($0, allowingCR: false) }
            ?? isNFCByConstruction(bytes, allowingCR: false)
    }

    private static func firstInvalidPosition(in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let length = validSequenceLength(bytes, at: index)
            if length == 0 {
                let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1
                return (line, column)
            }
            // LF, CRLF and a lone CR each end a line, as decoding treats them.
            let isCRBeforeLF = bytes[index] == 0x0D && index + 1 < bytes.endIndex && bytes[index + 1] == 0x0A
            if bytes[index] == 0x0A || (bytes[index] == 0x0D && !isCRBeforeLF) {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        return (line, 1)
    }

    /// The length of the well-formed UTF-8 sequence at `index`, or 0 if it is malformed.
    private static func validSequenceLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.endIndex else { return 0 }
        let sequence = bytes[index..<index + length]
        return String(validating: sequence, as: UTF8.self) == nil ? 0 : length
    }
}
