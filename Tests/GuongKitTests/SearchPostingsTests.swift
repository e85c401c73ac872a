import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

/// `SearchPostings` reads documents in batches into tables of bytes; what it finds must be what the
/// plain definition gives: each document's words by `SearchText.words`, each with its most prominent place.
@Suite struct SearchPostingsTests {
    /// Form → `document << 2 | place` per document (its id from `ids`), by dictionaries of Swift strings.
    static func reference(_ documents: [SearchDocument], _ profiles: [Profile], _ tables: SearchTables, ids: [Int]) -> [String: [Int]] {
        var postings: [String: [Int]] = [:]
        for (at, document) in documents.enumerated() {
            let id = ids[at]
            var words: [String: SearchDocument.Place] = [:]
            for (place, texts) in document.texts(of: profiles[at], tables: tables) {
                var found = texts.flatMap(SearchText.words).filter { $0.unicodeScalars.count <= SearchText.maxWordLength }.map { ($0, place) }
                if place == .name || place == .details {  // and their phrases (SearchPhrases)
                    let phrases = SearchPhrases.phrases(of: texts)
                    found += phrases.opening.map { ($0, place == .name ? SearchPhrases.inName : SearchPhrases.atStart) }
                    found += phrases.rest.map { ($0, place == .name ? SearchPhrases.inName : SearchPhrases.inDetail) }
                }
                for (word, place) in found {
                    if let known = words[word], known >= place { continue }
                    words[word] = place
                }
            }
            for (word, place) in words { postings[word, default: []].append(id << 2 | place.rawValue) }
        }
        return postings
    }

    @Test func findsWhatTheDefinitionFinds() throws {
        var random = SearchWordScannerTests.Generator(state: 7)
        // More documents than a batch, so that batches are merged; names and bodies repeat words.
        let profiles = (0..<(2 * SearchPostings.batchSize + 37)).map { number in
            SearchIndexTests.profile("\(SearchWordScannerTests.randomText(&random)) \(number)",
                                     lead: SearchWordScannerTests.randomText(&random),
                                     achievements: [SearchWordScannerTests.randomText(&random), "Giải Nhất"],
                                     body: SearchWordScannerTests.randomText(&random) + " Nguyễn Văn")
        }
        let model = try SearchIndexTests.model(profiles)
        let tables = SearchTables(model: model)
        let documents = model.profiles.map { SearchDocument(profile: $0, tables: tables) }
        // Ids with holes, as SearchIDs gives them.
        let ids = documents.indices.map { $0 * 3 + $0 % 2 }
        let index = SearchPostings(documents: documents, ids: ids, profiles: model.profiles, tables: tables)

        var found: [[UInt8]: [Int]] = [:]
        for form in 0..<index.forms.count {
            #expect(found[Array(index.forms.string(form).utf8)] == nil, "form \(form) is listed twice")
            found[Array(index.forms.string(form).utf8)] = index.postings[form].map(Int.init)
        }
        let expected = Self.reference(documents, model.profiles, tables, ids: ids)
        #expect(found.count == expected.count)
        for (word, postings) in expected {
            #expect(found[Array(word.utf8)] == postings, "\(word)")
        }
        #expect(expected["nguyễn"]?.count == profiles.count)
    }
}
