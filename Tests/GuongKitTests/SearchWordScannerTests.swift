import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

/// The index cuts words with `SearchWordScanner`; `SearchText.words` is the definition (and what
/// `search.js` mirrors), so the two must give the same words, byte for byte, on any text.
@Suite struct SearchWordScannerTests {
    /// What the index keeps of `text` by the definition: its words up to `maxWordLength` scalars.
    static func reference(_ text: String) -> [[UInt8]] {
        SearchText.words(text).filter { $0.unicodeScalars.count <= SearchText.maxWordLength }.map { Array($0.utf8) }
    }

    static func scanned(_ text: String) -> [[UInt8]] {
        var scanner = SearchWordScanner()
        scanner.append(text)
        var words: [[UInt8]] = []
        scanner.forEach { word, count, _ in words.append(Array(UnsafeRawBufferPointer(start: word, count: count))) }
        return words
    }

    /// Pieces a generated text is made of: what profiles hold and what could trip a shortcut.
    static let pieces: [String] = [
        // Vietnamese, with and without diacritics, in every case
        "Nguyễn", "Văn", "Hiệp", "đường", "dương", "Trường", "THCS", "Đông", "Thạnh", "học", "sinh", "giỏi",
        "NGUYỄN", "ĐẶNG", "ƯỚC", "TRƯỜNG", "Ủy", "ban", "nhân", "dân", "hoa", "hóa", "hoá", "Nguyen", "Van", "Hiep",
        "đĐ", "Đ", "đ", "ư", "Ơ", "ă", "Â", "ê", "Ô", "ạ", "Ỵ", "ỹ",
        // NFD: combining marks after their letter, and a mark with no letter
        "Nguye\u{0302}\u{0303}n", "Va\u{0306}n", "\u{0110}o\u{0302}ng", "a\u{0301}", "\u{0301}", "e\u{0323}\u{0302}",
        // lowercases to two scalars; Greek, whose final sigma Swift does not special-case
        "İ", "İstanbul", "ΟΔΟΣ", "Σοφία", "ς", "Σ", "ʼn", "ŉ", "ß", "ẞ", "ǅ", "Ǆ", "ǰ", "Ångström", "Øre", "Ŀ",
        // other scripts, digits of other scripts, emoji, ligatures
        "漢字", "中文", "한국어", "日本", "ﬁ", "١٢٣", "१२३", "๓๔", "１２", "Ⅻ", "½", "²", "👩‍💻", "🙂", "🇻🇳", "❤️",
        // dashes, quotes, spaces and invisible characters
        "–", "—", "‐", "“", "”", "‘", "’", "…", "«", "»", "·", "•", "\u{00A0}", "\u{202F}", "\u{200B}", "\u{200C}",
        "\u{200D}", "\u{2028}", "\u{2060}", "\u{FEFF}", "\u{00AD}", "\u{034F}",
        // ASCII
        "2021", "9A1", "e", "K12", "x", "Z", "0",
    ]

    static let separators = [" ", "  ", ",", ", ", ".", "-", "_", "/", "\n", "\t", "\r\n", "(", ")", "!", "\"", "'", ""]

    /// The same texts every run.
    typealias Generator = SeededGenerator

    /// A random scalar: mostly from the table's ranges, sometimes from anywhere.
    static func randomScalar(_ random: inout Generator) -> Unicode.Scalar {
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0x80...0x2FF, 0x1E00...0x1EFF, 0x2000...0x206F, 0x300...0x36F, 0x0...0x10FFFF]
        while true {
            if let scalar = Unicode.Scalar(UInt32.random(in: ranges.randomElement(using: &random)!, using: &random)) { return scalar }
        }
    }

    static func randomText(_ random: inout Generator) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 1...12, using: &random) {
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<6: text += pieces.randomElement(using: &random)!
            case 6..<8: text.unicodeScalars.append(randomScalar(&random))
            case 8: text += String(repeating: pieces.randomElement(using: &random)!, count: Int.random(in: 2...45, using: &random))
            default: text += String(repeating: "ệ", count: Int.random(in: 38...42, using: &random))
            }
            text += separators.randomElement(using: &random)!
        }
        return text
    }

    @Test func cutsGeneratedTextsLikeTheDefinition() {
        var random = Generator(state: 2024)
        for _ in 0..<20_000 {
            let text = Self.randomText(&random)
            #expect(Self.scanned(text) == Self.reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Every scalar the table knows, alone, between letters, between separators, and repeated past
    /// the longest word kept (a scalar that lowercases to two counts twice).
    @Test func cutsEveryScalarOfTheTableLikeTheDefinition() {
        let values = Array(0..<0x300) + Array(0x1E00..<0x1F00) + Array(0x2000..<0x2070)
        for value in values {
            let scalar = String(Unicode.Scalar(UInt32(value))!)
            for text in [scalar, "a" + scalar + "b", "Ệ" + scalar + "đ", " " + scalar + " ", "x\u{0301}" + scalar,
                         String(repeating: scalar, count: 20), String(repeating: scalar, count: 21),
                         String(repeating: scalar, count: 40), String(repeating: scalar, count: 41)] {
                #expect(Self.scanned(text) == Self.reference(text), "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test func dropsWordsOverTheLongestKept() {
        let kept = String(repeating: "ệ", count: SearchText.maxWordLength)
        let dropped = String(repeating: "a", count: SearchText.maxWordLength + 1)
        #expect(Self.scanned("\(dropped) \(kept), \(dropped)x k") == [Array(kept.utf8), [UInt8(ascii: "k")]])
    }

    /// The shortcut is what makes the index cheap: profile text must not fall back to the definition.
    @Test func profileTextTakesTheTable() {
        for text in ["Tổ Toán – Tin, năm học 2021–2022!", "“Đại sứ văn hóa đọc” (cấp thành phố)…", "ĐƯỜNG PHỐ Café Ångström",
                     "Lớp 9A1; e-learning · K12/THCS_2\r\n", "Giải Nhất\u{00A0}— Hội thi ‘giáo viên giỏi’"] {
            var scanner = SearchWordScanner()
            var copy = text
            #expect(copy.withUTF8 { scanner.appendByTable($0) }, "\(text)")
        }
        for text in ["İ", "Nguye\u{0302}\u{0303}n", "漢字", "🙂", "a\u{200D}b"] {
            var scanner = SearchWordScanner()
            var copy = text
            #expect(!copy.withUTF8 { scanner.appendByTable($0) }, "\(text)")
        }
    }
}
