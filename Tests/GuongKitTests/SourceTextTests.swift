import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

@Suite("Decoding a content file's bytes")
struct SourceTextTests {
    private func decode(_ bytes: [UInt8], limit: Int = 1 << 20) throws(SourceText.Problem) -> String {
        try SourceText.decode(bytes, path: "content/profiles/x.md", limit: limit).text
    }

    /// Swift's `==` on strings ignores normalisation; these tests must not.
    private func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    @Test func byteOrderMarkIsDropped() throws {
        let text = try decode([0xEF, 0xBB, 0xBF] + Array("---\nkind: x\n".utf8))
        #expect(text == "---\nkind: x\n")
        #expect(text.unicodeScalars.first == "-")
    }

    @Test func windowsAndOldMacLineEndsBecomeLF() throws {
        #expect(try decode(Array("a\r\nb\r\nc\r\n".utf8)) == "a\nb\nc\n")
        #expect(try decode(Array("a\rb\rc".utf8)) == "a\nb\nc")
        #expect(try decode(Array("Trần\r\nVăn\rHiệp\n".utf8)) == "Trần\nVăn\nHiệp\n")
    }

    @Test func decomposedTextTypedOnAMacComesOutComposed() throws {
        let decomposed = "Nguye\u{0302}\u{0303}n Va\u{0306}n Hie\u{0323}\u{0302}p"
        let text = try decode(Array(decomposed.utf8))
        #expect(scalars(text) == scalars("Nguy\u{1EC5}n V\u{0103}n Hi\u{1EC7}p"))
        #expect(text.unicodeScalars.count == 15)
    }

    @Test func composedTextIsLeftAlone() throws {
        let text = try decode(Array("Đông Thạnh".utf8))
        #expect(scalars(text) == scalars("Đông Thạnh"))
    }

    @Test func theNFCShortcutAgreesWithFoundationOnEveryScalarItAccepts() {
        // Each scalar alone, and after a letter it could compose with, is left as it is by NFC.
        let ranges: [ClosedRange<UInt32>] = [0x1...0x2FF, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E]
        for value in ranges.joined() {
            let scalar = Unicode.Scalar(value)!
            for text in [String(scalar), "a" + String(scalar), "\u{1EA1}" + String(scalar)] {
                #expect(SourceText.isNFCByConstruction(text))
                #expect(scalars(text.precomposedStringWithCanonicalMapping) == scalars(text), "U+\(String(value, radix: 16))")
            }
        }
        #expect(!SourceText.isNFCByConstruction("Hie\u{0323}\u{0302}p"))
        #expect(!SourceText.isNFCByConstruction("\u{212B}"))  // Ångström sign: NFC replaces it
    }

    @Test func theShortcutAcceptsExactlyItsRangesByteByByte() {
        for value in UInt32(1)..<0x10000 where !(0xD800..<0xE000).contains(value) {
            let inRanges = value < 0x300 || (0x1E00...0x1EFF).contains(value) || (0x2010...0x2027).contains(value)
                || (0x2030...0x205E).contains(value)
            let text = "a" + String(Unicode.Scalar(value)!) + "b"
            #expect(SourceText.isNFCByConstruction(text) == inRanges, "U+\(String(value, radix: 16))")
            #expect(SourceText.isNormalised(Array(text.utf8)[...]) == (inRanges && value != 0x0D), "U+\(String(value, radix: 16))")
        }
    }

    @Test("the shortcut's eight-byte steps over ASCII see a scalar and a CR at every place")
    func theShortcutSeesEveryPlace() {
        let values: [UInt32] = [0x0A, 0x0D, 0x7F, 0x80, 0xE9, 0x2FF, 0x300, 0x1E00, 0x1EFF, 0x1F00, 0x2010, 0x2027, 0x2028, 0x205E, 0x205F]
        for value in values {
            let inRanges = value < 0x300 || (0x1E00...0x1EFF).contains(value) || (0x2010...0x2027).contains(value)
                || (0x2030...0x205E).contains(value)
            for place in 0..<20 {
                let text = String(repeating: "a", count: place) + String(Unicode.Scalar(value)!) + String(repeating: "b", count: 20 - place)
                #expect(SourceText.isNFCByConstruction(text) == inRanges, "U+\(String(value, radix: 16)) at \(place)")
                #expect(SourceText.isNormalised(Array(text.utf8)[...]) == (inRanges && value != 0x0D), "U+\(String(value, radix: 16)) at \(place)")
            }
        }
    }

    /// Bytes, and the line and column of their first byte that is not UTF-8 (typed once, so the
    /// type checker does not have to solve the array literal inside the attribute).
    static let invalidUTF8Cases: [([UInt8], Int, Int)] = {
        let u = { (text: String) -> [UInt8] in Array(text.utf8) }
        var cases: [([UInt8], Int, Int)] = []
        cases.append((u("ab\ncd") + [0xFF] + u("e"), 2, 3))
        cases.append((u("Lời\nTrần ") + [0xC3, 0x28], 2, 6))  // a lead byte followed by a non-continuation
        cases.append(([0xC0, 0xAF], 1, 1))  // an overlong encoding
        cases.append((u("abc") + [0xE1, 0xBB], 1, 4))  // a sequence cut off by the end of the file
        cases.append((u("---\nname: Ph") + [0xE1] + u("m V") + [0xE3] + u("n\n"), 2, 9))  // Windows-1258 text
        cases.append((u("x") + [0xED, 0xA0, 0x80], 1, 2))  // an encoded surrogate
        return cases
    }()

    @Test("The first byte that is not UTF-8 is reported at its line and column (in characters)",
          arguments: invalidUTF8Cases)
    func invalidUTF8Position(bytes: [UInt8], line: Int, column: Int) {
        #expect(throws: SourceText.Problem.notUTF8(line: line, column: column)) { try decode(bytes) }
    }

    @Test func invalidUTF8AfterAByteOrderMarkCountsFromTheText() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("ab\nc".utf8) + [0xFE]
        #expect(throws: SourceText.Problem.notUTF8(line: 2, column: 2)) { try decode(bytes) }
    }

    @Test
    func invalidUTF8LineCountsOldMacLineEnds() {
        let bytes: [UInt8] = Array("a\rb\r".utf8) + [0xFF]
        #expect(throws: SourceText.Problem.notUTF8(line: 3, column: 1)) { try decode(bytes) }
    }

    @Test func overTheLimitIsTooLarge() throws {
        let bytes = [UInt8](repeating: 0x61, count: 11)
        #expect(throws: SourceText.Problem.tooLarge(bytes: 11, limit: 10)) { try decode(bytes, limit: 10) }
        #expect(try decode(Array(bytes.dropLast()), limit: 10).count == 10)
    }
}
