import Foundation
import Testing
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport

@Suite("Invisible characters: refused in every front-matter value, folded away when finding duplicates")
struct InvisibleCharacterTests {
    /// The issue's examples and one of each class: soft hyphen, Mongolian vowel separator, variation selector,
    /// tag, Hangul fillers, Khmer inherent vowels, musical format, Braille blank, grapheme joiner, invisible
    /// operators, word joiner, bidi isolate, interlinear annotation, a noncharacter.
    static let invisible: [Unicode.Scalar] = [
        0xAD, 0x180E, 0xFE0F, 0xFE00, 0xE0041, 0xE0001, 0xE0100, 0x3164, 0x115F, 0x1160, 0xFFA0, 0x17B4, 0x17B5,
        0x1D173, 0x1D17A, 0x2800, 0x34F, 0x2061, 0x2064, 0x2060, 0x2067, 0xFFF9, 0xFDD0, 0x10FFFF, 0x1BCA0, 0x13430,
        0x200B, 0x202E, 0x85, 0x1B
    ].map { Unicode.Scalar(UInt32($0))! }

    @Test(arguments: invisible)
    func isInvisible(_ scalar: Unicode.Scalar) {
        #expect(InvisibleCharacters.contains(scalar))
    }

    @Test func everyDefaultIgnorableCodePointIsInvisible() {
        let ignorable = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter(\.properties.isDefaultIgnorableCodePoint)
        #expect(ignorable.count > 4_000)
        #expect(ignorable.allSatisfy(InvisibleCharacters.contains))
    }

    @Test func vietnameseTextIsVisible() {
        let text = "Trường Mầm non Hoa Hồng – “Đổi mới” (2021–2025): ĐĂNG KÝ, thi đua! Ơ ư ỹ ặ … ạ’ 12/3; a@b.vn #1 ₫ ° ×\t"
        #expect(!text.unicodeScalars.contains(where: InvisibleCharacters.contains))
    }

    @Test(arguments: [
        ("Nguyễn\u{00A0}Văn An", "Nguyễn Văn An", true),
        ("Nguyễn Văn  An ", "nguyễn văn an", true),
        ("Nguy\u{AD}ễn Văn An\u{FE0F}", "Nguyễn Văn An", true),
        ("Nguyễn\u{3000}Văn\u{2007}An", "Nguyễn Văn An", true),
        ("Ｎguyễn Văn An", "Nguyễn Văn An", true),
        ("Nguyễn Văn \u{E0041}An\u{E007F}", "Nguyễn Văn An", true),
        ("Nguyễn Thị Minh Thu", "Nguyễn Thị Minh Thư", false),
        ("Nguyễn Văn An", "Nguyễn Văn Ân", false),
    ])
    func identityFold(_ a: String, _ b: String, _ same: Bool) {
        #expect((InvisibleCharacters.identityFold(a) == InvisibleCharacters.identityFold(b)) == same)
    }

    /// The scalars the fold lets skip NFKC: NFKC leaves each as it is, alone and after any other of them.
    @Test func theScalarsThatSkipNFKCAreStableUnderIt() {
        let stable = (UInt32(0)...0x1EFF).compactMap(Unicode.Scalar.init).filter(InvisibleCharacters.isCompatibilityStable)
        #expect(stable.count > 400)
        let nfkc = { (text: String) in Array(text.precomposedStringWithCompatibilityMapping.unicodeScalars) }
        for scalar in stable {
            #expect(scalar.properties.canonicalCombiningClass == .notReordered)
            #expect(nfkc(String(scalar)) == [scalar], "U+\(String(scalar.value, radix: 16))")
        }
        let letters = stable.filter { $0.value >= 0x41 }
        for first in letters {
            for second in letters where nfkc(String(first) + String(second)) != [first, second] {
                Issue.record("U+\(String(first.value, radix: 16)) U+\(String(second.value, radix: 16))")
            }
        }
    }

    /// The fold, with and without the shortcut, on names the shortcut takes and names it leaves to NFKC.
    @Test(arguments: ["Nguyễn Văn An", "TRƯỜNG THCS ĐỒNG KHỞI", "Lê Thị Ｌan", "Ĳssel Ŀa ŉ", "Phạm\u{00A0}Thị Ỷ", "x\u{0301}y", "ǅ ﬁ ²",
                      " Lê  Thị Lan ", "İstanbul Đào", "A\tB", "Ÿ Ş ẞ", "Lê Thị Lan\u{7F}", ""])
    func theShortcutFoldsAsNFKCDoes(_ name: String) {
        let visible = { (text: String) in String(String.UnicodeScalarView(text.unicodeScalars.filter { !InvisibleCharacters.contains($0) })) }
        let definition = visible(visible(name).precomposedStringWithCompatibilityMapping.lowercased())
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(Array(InvisibleCharacters.identityFold(name).unicodeScalars) == Array(definition.unicodeScalars))
    }

    /// The table the fold lowercases plain names by gives what the definition gives, for every scalar it covers, alone,
    /// inside a word and beside a space.
    @Test func thePlainFoldsTableFoldsAsTheDefinitionDoes() {
        let definition = { (text: String) in
            let visible = { (text: String) in String(String.UnicodeScalarView(text.unicodeScalars.filter { !InvisibleCharacters.contains($0) })) }
            return visible(visible(text).precomposedStringWithCompatibilityMapping.lowercased())
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let scalars = ((UInt32(0)..<0x300).map { $0 } + (UInt32(0x1E00)..<0x1F00).map { $0 }).compactMap(Unicode.Scalar.init)
        #expect(InvisibleCharacters.plainLowercase.filter { $0 != 0 }.count > 350)
        for scalar in scalars {
            for name in [String(scalar), "A\(scalar)b", "Lê \(scalar)ƯỜNG", "\(scalar) Thị"] {
                #expect(Array(InvisibleCharacters.identityFold(name).unicodeScalars) == Array(definition(name).unicodeScalars),
                        "U+\(String(scalar.value, radix: 16)) in \(name.debugDescription)")
            }
        }
    }

    /// A resent exemplar that differs only by characters a reader cannot tell apart is a duplicate; one whose
    /// name holds an invisible character is refused for it, and named a duplicate too.
    @Test(arguments: ["Lê\u{00A0}Thị Lan", "Lê Thị  Lan", "LÊ THỊ LAN", "Lê Thị Ｌan", "Lê\u{AD} Thị Lan", "Lê Thị\u{3164} Lan",
                      "Lê Thị Lan\u{FE0F}", "Lê Thị \u{E0041}Lan", "Lê\u{200B} Thị Lan"])
    func aResentExemplarIsADuplicate(_ name: String) throws {
        let sandbox = try HostileSandbox()
        let text = """
            ---
            kind: individual
            name: \(name)
            position: Nhân viên văn thư
            unit: th-nhi-binh
            fields: ["Cải cách hành chính"]
            year: 2024
            slug: le-thi-lan-gui-lai
            ---

            Lời.

            ## Thành tích nổi bật

            - Một thành tích.

            """
        try sandbox.addProfile("gui-lai.md", bytes: Array(text.utf8))
        let content = try sandbox.load()
        let invisible = name.unicodeScalars.contains(where: InvisibleCharacters.contains)
        #expect(content.diagnostics.map(\.code).sorted { $0.rawValue < $1.rawValue }
                == (invisible ? [.profileDuplicate, .valueControlCharacter] : [.profileDuplicate]), "\(content.diagnostics)")
        // Reported on the later file by path, naming the other; a refused file is always the one reported.
        let duplicate = try #require(content.diagnostics.first { $0.code == .profileDuplicate })
        let other = duplicate.location.path.hasSuffix("gui-lai.md") ? "le-thi-lan.md" : "gui-lai.md"
        #expect(duplicate.message.contains(other))
        if invisible { #expect(duplicate.location.path.hasSuffix("gui-lai.md")) }
    }
}
