import GuongKit

/// Lists of small non-negative integers as short ASCII strings that need no escaping in JSON:
/// five bits per character, most significant first; every character but the last of a number
/// comes from `more`, the last from `last`. 0–31 take one character, up to 1023 two, up to 32767 three.
enum PostingsCoding {
    static let last = Array("0123456789abcdefghijklmnopqrstuv".utf8)
    static let more = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_".utf8)

    /// Appends `value` (≥ 0) to `bytes`.
    static func append(_ value: Int, to bytes: inout [UInt8]) {
        precondition(value >= 0, "postings hold non-negative numbers")
        var shift = 0
        while value >> (shift + 5) > 0 { shift += 5 }
        while shift > 0 {
            bytes.append(more[value >> shift & 31])
            shift -= 5
        }
        bytes.append(last[value & 31])
    }

    static func encode(_ values: [Int]) -> String {
        var bytes: [UInt8] = []
        for value in values { append(value, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The numbers in `text`, or nil if it holds a character outside the two alphabets or ends mid-number.
    static func decode(_ text: String) -> [Int]? {
        var values: [Int] = []
        var pending = 0
        var open = false
        for byte in text.utf8 {
            if let digit = last.firstIndex(of: byte) {
                values.append(pending << 5 | digit)
                pending = 0
                open = false
            } else if let digit = more.firstIndex(of: byte) {
                pending = pending << 5 | digit
                open = true
            } else {
                return nil
            }
        }
        return open ? nil : values
    }

    /// Ascending document ids as gaps from the previous id (the first from 0).
    static func gaps(_ ids: [Int]) -> [Int] {
        var previous = 0
        return ids.map { id in
            defer { previous = id }
            return id - previous
        }
    }
}
