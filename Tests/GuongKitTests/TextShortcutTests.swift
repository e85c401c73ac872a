import Foundation
import Testing
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport

/// The fast paths of the text layer must agree with the Foundation definitions they stand in for.
@Suite("Text shortcuts agree with their definitions")
struct TextShortcutTests {
    /// Swift's `==` on strings ignores normalisation; these comparisons must not.
    private func scalars(_ text: String?) -> [Unicode.Scalar]? { text.map { Array($0.unicodeScalars) } }

    private static let tableScalars: [Unicode.Scalar] = (Array(1..<0x300) + Array(0x1E00..<0x1F00)).map { Unicode.Scalar(UInt32($0))! }

    @Test func foldingByTableEqualsFoldingByDecomposition() {
        for scalar in Self.tableScalars {
            for text in [String(scalar), "Ngu" + String(scalar) + "ễn", String(scalar) + "Đ - " + String(scalar)] {
                #expect(scalars(VietnameseFolding.foldedByTable(text)) == scalars(VietnameseFolding.foldedByDecomposing(text)),
                        "U+\(String(scalar.value, radix: 16))")
            }
        }
        // Outside the table (a combining mark, Greek) the definition itself is used.
        #expect(VietnameseFolding.foldedByTable("Hie\u{0323}\u{0302}p") == nil)
        #expect(VietnameseFolding.fold("Hie\u{0323}\u{0302}p") == "hiep")
        #expect(scalars(VietnameseFolding.fold("ΣΑΣ Đà")) == scalars(VietnameseFolding.foldedByDecomposing("ΣΑΣ Đà")))
    }

    @Test("Keys join words by single spaces on both paths", arguments: [
        "Lĩnh_vực", "  linh  vuc ", "-_ Tổ -- Toán_Tin\t", "", "---", "Hie\u{0323}\u{0302}p  - Nhị_Bình", "a\u{0301} - b",
    ])
    func keysMatchTheCharacterDefinition(text: String) {
        let byCharacters = VietnameseFolding.fold(text)
            .split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" || $0 == "\t" })
            .joined(separator: " ")
        #expect(scalars(VietnameseFolding.key(text)) == scalars(byCharacters))
    }

    @Test func collapsingSpacesMatchesSplittingCharacters() {
        let samples = ["Nguyễn Văn A", " Nguyễn\t Văn  A ", "Lê\u{00A0}Thị", "Tổ\u{3000}Toán", "a \u{0301}b", "x\r\ny", "", " ",
                       "Đặng Thị Ánh Hồng", "Trường THCS Nhị Bình", "a\u{2003}b", "e\u{0301} f", "ǅ ǈ ɐ ʰ", "İ Σ ς"]
        var texts = samples
        for value in UInt32(0x20)..<0x3100 where !(0xD800..<0xE000).contains(value) {
            texts.append("Lê" + String(Unicode.Scalar(value)!) + "Văn")
        }
        for text in texts {
            #expect(scalars(text.collapsingSpaces()) == scalars(text.split(whereSeparator: \.isWhitespace).joined(separator: " ")),
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func slugsKeepASCIILettersAndDigitsOnly() {
        #expect(VietnameseFolding.slug("Nguyễn Thị Đào (2022) – Tổ Toán") == "nguyen-thi-dao-2022-to-toan")
        #expect(VietnameseFolding.slug("ΣΑΣ ½ ١٢ x") == "x")
    }

    @Test("The achievements heading is found whatever its case, marks and punctuation", arguments: [
        ("## Thành tích nổi bật", true), ("## THÀNH TÍCH NỔI BẬT:", true), ("## Thành-tích  nổi_bật!", true),
        ("## thanh tich noi bat", true), ("## Thành tích nổi bật ½", true), ("## Thành tích nổi bật α", false),
        ("### 1. Thành tích nổi bật", false), ("## Thành tích", false), ("Thành tích nổi bật", false),
    ])
    func achievementsHeading(markdown: String, isHeading: Bool) throws {
        let block = try #require(CmarkParser.parse(markdown + "\n").blocks.first)
        #expect(ProfileSections.isAchievementsHeading(block) == isHeading)
    }

    @Test func byteSearchFindsEachByteFromWhereItIsAsked() {
        let bytes = Array("a=b=\n".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(buffer.index(ofByte: UInt8(ascii: "="), from: 0) == 1)
            #expect(buffer.index(ofByte: UInt8(ascii: "="), from: 1) == 1)
            #expect(buffer.index(ofByte: UInt8(ascii: "="), from: 2) == 3)
            #expect(buffer.index(ofByte: UInt8(ascii: "="), from: 4) == nil)
            #expect(buffer.index(ofByte: 0x0A, from: 5) == nil)
            #expect(buffer.index(ofByte: 0x0A, from: 9) == nil)
        }
        [UInt8]().withUnsafeBufferPointer { #expect($0.index(ofByte: 0, from: 0) == nil) }
    }

    @Test func trimmingMatchesFoundationForEveryBMPScalar() {
        for value in UInt32(0)..<0x10000 where !(0xD800..<0xE000).contains(value) {
            let scalar = String(Unicode.Scalar(value)!)
            for text in [scalar, " \(scalar)x\(scalar)\n", "x\(scalar)"] {
                #expect(scalars(text.trimmingWhitespaceAndNewlines()) == scalars(text.trimmingCharacters(in: .whitespacesAndNewlines)),
                        "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test func trimmingSpacesMatchesFoundationForEveryBMPScalar() {
        for value in UInt32(0)..<0x10000 where !(0xD800..<0xE000).contains(value) {
            let scalar = String(Unicode.Scalar(value)!)
            for text in [scalar, " \(scalar)x\(scalar)\t", "x\(scalar)"] {
                #expect(scalars(text.trimmingWhitespace()) == scalars(text.trimmingCharacters(in: .whitespaces)),
                        "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test("A head's titles are cut as Foundation cuts them", arguments: [
        "", "kiem", " kiem ", "hieu truong", "bi thu chi bo kiem hieu truong", "a kiem kiem b", "a kiem  kiem b",
        "kiem hieu truong kiem ", "a kiem b kiem c", "\u{A0}hieu truong\u{2003} kiem pho hieu truong\u{200B}", "akiem kiemb",
    ])
    func headTitles(folded: String) {
        let foundation = folded.components(separatedBy: " kiem ").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(RegistrationSchema.titles(in: folded).map(scalars) == foundation.map(scalars))
    }

    @Test func titleSeparatorsAreTheCharactersOfTheirList() {
        let characters: [Character] = [",", ";", "/", "–", "-", "—", " ", "a", "ư", ",\u{0301}", "-\u{0323}", "\u{2011}", "，"]
        for character in characters {
            #expect(RegistrationSchema.separatesTitles(character) == ",;/–-".contains(character), "\(character.unicodeScalars.map(\.value))")
            if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 {
                #expect(RegistrationSchema.separatesTitles(scalar) == ",;/–-".contains(character))
            }
        }
    }

    @Test func scalarsThatSkipNFKCAreEachACharacter() {
        // What lets `isHead` split such a position by scalar: no two of them make one Character, CR LF aside.
        let stable = (UInt32(0)...0x1EFF).compactMap(Unicode.Scalar.init).filter(InvisibleCharacters.isCompatibilityStable)
        for first in stable {
            for second in stable where !(first == "\r" && second == "\n") {
                var pair = String.UnicodeScalarView()
                pair.append(first)
                pair.append(second)
                if String(pair).count != 2 { Issue.record("U+\(String(first.value, radix: 16)) U+\(String(second.value, radix: 16))") }
            }
        }
    }

    @Test("A head is found the same split by scalar or by Character", arguments: [
        "Hiệu trưởng", "Bí thư Chi bộ, Hiệu trưởng", "Phó Hiệu trưởng – Tổ trưởng", "Giáo viên/Hiệu trưởng",
        "Hiệu trưởng,\u{0301} Giáo viên", "Hiệu trưởng -\u{0323}x", ",,;Hiệu trưởng;;", "Hiệu\r\ntrưởng",
    ])
    func headSplitByScalar(position: String) throws {
        let schema = try #require(try Fixtures.loadBasicSite().schema)
        let byCharacter = position.split(whereSeparator: RegistrationSchema.separatesTitles)
            .flatMap { RegistrationSchema.titles(in: VietnameseFolding.key(String($0))) }
        let expected = byCharacter.contains { title in
            !title.hasPrefix("pho ") && schema.headPositions.contains { title == $0 || title.hasPrefix($0 + " ") }
        }
        #expect(schema.isHead(position: position) == expected)
    }

    @Test("A share link's URL is encoded as Foundation encodes it", arguments: [
        "", "https://pgd.example.vn/dien-hinh/nguyen-thi-dao/", "https://x.vn/a b?c=d&e=f#g~h_i.j",
        "https://x.vn/đơn-vị/Trường THCS Lê Lợi/", "%41%zz+/:@!$'()*,;=[]", "a\u{0301}\u{1F600}\u{0}\t\n",
    ])
    func shareURLEncoding(url: String) {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/:")
        #expect(PageShell.queryEncoded(url) == url.addingPercentEncoding(withAllowedCharacters: unreserved))
    }

    @Test("Splitting at the fences by bytes equals splitting every line", arguments: [
        "", "---", "---\n", "---\n---", "---\n---\n", "---\nkind: x\n---\nbody\n", "--- \t\nkind: x\n...\n\n# T\n",
        "---\na: 1\n--- x\n---\n", "x\n---\n---\n", "---\na\u{0301}\n---\u{0301}\n---\nĐông\n", "---\nname: Lê\n----\n---",
        "---\n\n\n---\n\n\n",
    ])
    func frontMatterSplit(text: String) {
        let fast = Result { () throws(FrontMatterSplit.Problem) in try FrontMatterSplit.split(text) }
        let slow = Result { () throws(FrontMatterSplit.Problem) in try FrontMatterSplit.splitByLines(text) }
        switch (fast, slow) {
        case (.success(let a), .success(let b)):
            #expect(scalars(a.yaml) == scalars(b.yaml))
            #expect(scalars(a.body) == scalars(b.body))
            #expect(a.bodyFirstLine == b.bodyFirstLine && a.yamlFirstLine == b.yamlFirstLine)
        case (.failure(let a), .failure(let b)):
            #expect(a == b)
        default:
            Issue.record("one way failed and the other did not: \(fast) \(slow)")
        }
    }
}

@Suite("Reading fields and kinds by a lookup table")
struct SchemaMatcherTests {
    @Test func theTableMatchesWhatTheSchemaMatches() throws {
        let site = try SiteLoader(root: Fixtures.packageRoot).load()
        let schema = try #require(site.schema)
        let matcher = SchemaMatcher(schema)
        var texts = ["", " ", "x", "d", "D", "đ", "Đ", "dd", " a ", "cntt", "CNTT", "Giao duc", "giáo  dục_đào-tạo", "e"]
        for field in schema.fields {
            for name in [field.code, field.name, field.id, field.short] + field.aliases {
                texts += [name, name.uppercased(), name.lowercased(), " \(name) ", VietnameseFolding.fold(name), name + "x"]
            }
        }
        for text in texts {
            #expect(matcher.match(text)?.code == schema.matchField(text)?.code, "\(text)")
        }
    }

    @Test func kindsMatchAsTheSchemaMatchesThem() throws {
        let site = try SiteLoader(root: Fixtures.packageRoot).load()
        let schema = try #require(site.schema)
        let matcher = SchemaMatcher(schema)
        var texts = ["", " ", "x", "ca nhan", "CÁ NHÂN", "tap  the", "tập_thể", "individual", "Collective"]
        for definition in schema.kinds {
            for name in [definition.kind.rawValue, definition.name] + definition.aliases {
                texts += [name, name.uppercased(), " \(name) ", VietnameseFolding.fold(name), name + "x"]
            }
        }
        for text in texts {
            #expect(matcher.matchKind(text) == schema.matchKind(text), "\(text)")
        }
    }
}
