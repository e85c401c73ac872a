/// Lists of small non-negative integers as short ASCII strings that need no escaping in JSON:
/// five bits per character, most significant first; every character but the last of a number
/// comes from `more`, the last from `last`. 0–31 take one character, up to 1023 two, up to 32767 three.
enum PostingsCoding {
    static let last = Array("0123456789abcdefghijklmnopqrstuv".unicodeScalars)
    static let more = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_".unicodeScalars)

    /// Appends `value` (≥ 0) to `text`.
    static func append(_ value: Int, to text: inout String.UnicodeScalarView) {
        precondition(value >= 0, "postings hold non-negative numbers")
        var groups: [Int] = [value & 31]
        var rest = value >> 5
        while rest > 0 {
            groups.append(rest & 31)
            rest >>= 5
        }
        for group in groups.dropFirst().reversed() { text.append(more[group]) }
        text.append(last[groups[0]])
    }

    static func encode(_ values: [Int]) -> String {
        var text = String.UnicodeScalarView()
        for value in values { append(value, to: &text) }
        return String(text)
    }

    /// The numbers in `text`, or nil if it holds a character outside the two alphabets or ends mid-number.
    static func decode(_ text: String) -> [Int]? {
        var values: [Int] = []
        var pending = 0
        var open = false
        for scalar in text.unicodeScalars {
            if let digit = last.firstIndex(of: scalar) {
                values.append(pending << 5 | digit)
                pending = 0
                open = false
            } else if let digit = more.firstIndex(of: scalar) {
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
