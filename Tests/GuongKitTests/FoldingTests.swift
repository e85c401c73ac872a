import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

@Suite("Folding Vietnamese to ASCII")
struct FoldingTests {
    @Test("Names become URL slugs", arguments: [
        ("Nguyễn Văn Hiệp", "nguyen-van-hiep"),
        ("Đông Thạnh", "dong-thanh"),
        ("Trường THCS Đông Thạnh", "truong-thcs-dong-thanh"),
        ("Lê Thị Lan", "le-thi-lan"),
        ("Ưng Hoàng Phúc", "ung-hoang-phuc"),
        ("Tổ Toán – Tin (THCS Tân Hiệp), 2022!", "to-toan-tin-thcs-tan-hiep-2022"),
        ("  Nguyễn   Thị --  Lan  ", "nguyen-thi-lan"),
        ("Lĩnh_vực", "linh-vuc"),
        ("!!!", ""),
    ])
    func slug(name: String, expected: String) {
        #expect(VietnameseFolding.slug(name) == expected)
    }

    @Test func foldDropsMarksAndLowercasesButKeepsSpacing() {
        #expect(VietnameseFolding.fold("Đông Thạnh") == "dong thanh")
        #expect(VietnameseFolding.fold("Nguyễn Văn Hiệp") == "nguyen van hiep")
        #expect(VietnameseFolding.fold("ĂÂÊÔƠƯ ăâêôơư") == "aaeoou aaeoou")
    }

    @Test func dWithStrokeFoldsToD() {
        #expect(VietnameseFolding.fold("đ") == "d")
        #expect(VietnameseFolding.fold("Đ") == "d")
        #expect(VietnameseFolding.slug("Đỗ Đình Đạt") == "do-dinh-dat")
    }

    @Test func decomposedInputGivesTheSameFoldAndSlug() {
        let composed = "Nguyễn Văn Hiệp"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(Array(composed.unicodeScalars) != Array(decomposed.unicodeScalars))
        #expect(VietnameseFolding.slug(decomposed) == "nguyen-van-hiep")
        #expect(VietnameseFolding.fold(decomposed) == VietnameseFolding.fold(composed))
    }

    @Test("Keys compare loosely typed names", arguments: [
        ("Lĩnh_vực", "linh vuc"),
        ("linh  vuc", "linh vuc"),
        ("  Ngày-đăng-ký\t", "ngay dang ky"),
        ("CNTT", "cntt"),
    ])
    func key(text: String, expected: String) {
        #expect(VietnameseFolding.key(text) == expected)
    }

    @Test func suggestionFindsTheUnitATypoMeant() {
        let units = ["mn-hoa-hong", "th-nhi-binh", "thcs-dong-thanh"]
        #expect(Suggestion.nearest(to: "thcs-dong-thnah", in: units) == "thcs-dong-thanh")
        #expect(Suggestion.nearest(to: "TH Nhi Binh", in: units) == "th-nhi-binh")
    }

    @Test func suggestionIgnoresDiacriticsWhenMeasuring() {
        #expect(Suggestion.nearest(to: "lin vuc", in: ["lĩnh vực", "năm", "đơn vị"]) == "lĩnh vực")
    }

    @Test("Nothing is suggested for input far from every candidate",
          arguments: ["truong-mau-giao-sao-mai", "xyz", "", "   "])
    func noSuggestionWhenFar(input: String) {
        #expect(Suggestion.nearest(to: input, in: ["mn-hoa-hong", "th-nhi-binh", "thcs-dong-thanh"]) == nil)
    }

    @Test func noSuggestionFromNoCandidates() {
        #expect(Suggestion.nearest(to: "thcs-dong-thanh", in: []) == nil)
    }
}
