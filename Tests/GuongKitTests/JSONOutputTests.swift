import Foundation
import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

/// `du-lieu/dien-hinh.json` is written by hand; it must read exactly as `JSONEncoder` would write it.
@Suite("JSON written by hand escapes as JSONEncoder does")
struct JSONOutputTests {
    static let hostile: [String] = [
        String(String.UnicodeScalarView((0..<0x80).map { Unicode.Scalar(UInt8($0)) })),
        "\u{2028}\u{2029}\u{7F}\u{85}\u{FEFF}",
        "Nguyễn Thị Đào \"Tổ trưởng\" \\ a/b </script>",
        "😀 e\u{0301} 𝔄",
        "",
    ]

    @Test(arguments: hostile)
    func stringsMatchJSONEncoder(text: String) throws {
        var output = JSONOutput()
        output.array([text]) { $0.string($1) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(output.bytes == Array(try encoder.encode([text])))
    }

    @Test("each escaped character at every place of a long text, in and out of the eight-byte steps")
    func escapesAtEveryPlace() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let specials = (0..<0x20).map { String(Unicode.Scalar(UInt8($0))) } + ["\"", "\\", "\u{2028}", "\u{2029}", "ệ", "\u{2027}"]
        for special in specials {
            for place in 0..<20 {
                let text = String(repeating: "a", count: place) + special + String(repeating: "b", count: 19 - place)
                let expected = Array(try encoder.encode(text))
                var plain: [UInt8] = []
                JSONOutput.appendQuoted(text, to: &plain)
                #expect(plain == expected, "\(Array(special.unicodeScalars)) at \(place)")
                var separated: [UInt8] = []
                JSONOutput.appendQuoted(text, to: &separated, escapingLineSeparators: true)
                let expectedSeparated = String(decoding: expected, as: UTF8.self)
                    .replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
                #expect(separated == Array(expectedSeparated.utf8), "\(Array(special.unicodeScalars)) at \(place)")
            }
        }
    }

    @Test("the eight-byte tests never miss a byte, at any place, whatever its neighbours")
    func byteWordNeverMisses() {
        for value in 0...255 {
            for place in 0..<8 {
                for filler: UInt8 in [0x00, 0x1F, 0x61, 0xFF] {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[place] = UInt8(value)
                    let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
                    #expect(ByteWord.has(UInt8(value), in: word) != 0)
                    if value < 0x20 { #expect(ByteWord.hasByte(below: 0x20, in: word) != 0) }
                }
            }
        }
    }

    @Test func objectsTakeCommasBetweenKeysOnly() {
        var output = JSONOutput()
        output.raw("{")
        output.key("a")
        output.int(-3)
        output.key("b")
        output.array([1, 2]) { $0.int($1) }
        output.key("c")
        output.raw("{")
        output.key("d")
        output.array([Int]()) { $0.int($1) }
        output.raw("}}")
        #expect(String(decoding: output.bytes, as: UTF8.self) == #"{"a":-3,"b":[1,2],"c":{"d":[]}}"#)
    }
}
