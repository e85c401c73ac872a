import Foundation
import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

/// Phrases (two neighbouring words of a name or detail) and the department's words in the index.
@Suite struct SearchPhrasesTests {
    @Test func phrasesAreNeighbouringFoldedWordsAndSayWhetherTheyOpenTheirText() {
        let phrases = SearchPhrases.phrases(of: ["Phó Hiệu trưởng", "Trường THCS Đông Thạnh", "2022"])
        #expect(phrases.opening == ["pho hieu", "truong thcs"])
        #expect(phrases.rest == ["hieu truong", "thcs dong", "dong thanh"])
    }

    @Test func theIndexKeepsPhrasesOfNamesAndDetailsWithTheirPlace() throws {
        var principal = SearchIndexTests.profile("Lê Quang Vinh", body: "Đông Thạnh là quê hương")
        var deputy = SearchIndexTests.profile("Kiều Minh Trí")
        principal.position = "Hiệu trưởng"
        deputy.position = "Phó Hiệu trưởng"
        let model = try SearchIndexTests.model([principal, deputy])
        let index = SearchIndex(model: model)
        let terms = try SearchIndexTests.terms(index)
        let ids = SearchIndexTests.ids(model)
        let hieuTruong = try #require(terms["hieu truong"]?.first?.postings.map { [$0.doc, $0.place] })
        #expect(hieuTruong == [[ids["Kiều Minh Trí"]!, SearchPhrases.inDetail.rawValue],
                               [ids["Lê Quang Vinh"]!, SearchPhrases.atStart.rawValue]].sorted { $0[0] < $1[0] })
        #expect(terms["le quang"]?.first?.postings.map(\.place) == [SearchPhrases.inName.rawValue])
        // A phrase is kept folded, in one form; body text has none ("la que" is not a term).
        #expect(terms["hieu truong"]?.count == 1)
        #expect(terms["la que"] == nil)
        // Words are still words: "hieu" is a term of its own.
        #expect(terms["hieu"] != nil)
    }

    @Test func theManifestCarriesTheDepartmentsWordsFromTheSchema() throws {
        var model = try SearchIndexTests.model([SearchIndexTests.profile("Lê Quang Vinh")])
        model.schema.searchWords = [SearchWord(short: "HT", long: "Hiệu trưởng"), SearchWord(short: "TPT Đội", long: "Tổng phụ trách Đội"),
                                    SearchWord(short: "ht", long: "Hiệu trưởng"), SearchWord(short: "Giáo viên", long: "giao vien")]
        let pairs = SearchVocabulary.pairs(model.schema).map { [$0.short, $0.long] }
        #expect(pairs.contains(["ht", "hieu truong"]))
        #expect(pairs.contains(["tpt doi", "tong phu trach doi"]))
        #expect(pairs.filter { $0 == ["ht", "hieu truong"] }.count == 1)
        #expect(!pairs.contains(["giao vien", "giao vien"]))
        // Each field's short form and aliases stand for its name.
        for field in model.schema.fields where VietnameseFolding.fold(field.short) != VietnameseFolding.fold(field.name) {
            #expect(pairs.contains([SearchVocabulary.folded(field.short), SearchVocabulary.folded(field.name)]))
        }
        let manifest = try #require(try SearchIndexTests.json(SearchIndex(model: model), "chi-muc.json") as? [String: Any])
        let words = try #require(manifest["words"] as? [[String]])
        #expect(words == pairs)
    }

    @Test func registrationYAMLReadsSearchWordsAsOneFormOrAList() throws {
        let content = try SiteLoader(root: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()).load()
        let words = try #require(content.schema).searchWords
        #expect(words.contains(SearchWord(short: "HT", long: "Hiệu trưởng")))
        #expect(words.contains(SearchWord(short: "TPT Đội", long: "Tổng phụ trách Đội")))
        #expect(words.contains(SearchWord(short: "TPT", long: "Tổng phụ trách Đội")))
    }
}
