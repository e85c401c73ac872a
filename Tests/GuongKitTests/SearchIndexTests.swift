import Foundation
import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

/// The index writer: what `/tim-kiem/chi-muc/` holds for the profiles of a site.
@Suite struct SearchIndexTests {
    static let basicSite = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/basic-site", isDirectory: true)

    /// The basic site's configuration, schema and units with `profiles` (or its own profiles).
    static func model(_ profiles: [Profile]? = nil, drafts: Bool = false) throws -> SiteModel {
        let content = try SiteLoader(root: basicSite).load()
        return SiteModel(config: try #require(content.config), schema: try #require(content.schema), units: content.units,
                         pages: [], profiles: profiles ?? content.profiles, includeDrafts: drafts)
    }

    static func profile(_ name: String, kind: ProfileKind = .individual, unit: String = "thcs-dong-thanh", fields: [String] = ["a"],
                        years: [Int] = [2022], lead: String = "", achievements: [String] = ["Giải Nhất"], body: String = "",
                        slug: String? = nil) -> Profile {
        func block(_ text: String) -> MarkdownBlock {
            MarkdownBlock(kind: .paragraph, html: "<p>\(text)</p>", text: text, position: TextPosition(line: 1, column: 1))
        }
        return Profile(kind: kind, name: name, position: kind == .individual ? "Giáo viên" : "", unitID: unit, fieldCodes: fields,
                       years: years, registered: nil, photo: nil, draft: false, slug: slug ?? VietnameseFolding.slug(name),
                       slugIsExplicit: slug != nil, lead: lead.isEmpty ? [] : [block(lead)],
                       achievements: achievements.map { ListItem(html: $0, text: $0, position: TextPosition(line: 1, column: 1)) },
                       body: body.isEmpty ? [] : [block(body)], sourcePath: "content/profiles/\(name).md",
                       location: SourceLocation(path: "content/profiles/\(name).md"))
    }

    static func json(_ index: SearchIndex, _ name: String) throws -> Any {
        let file = try #require(index.files.first { $0.path == SearchIndex.directory + name }, "no \(name)")
        return try JSONSerialization.jsonObject(with: Data(file.contents))
    }

    /// Every term of every shard: term → [(form, [(doc, place)])].
    static func terms(_ index: SearchIndex) throws -> [String: [(form: String, postings: [(doc: Int, place: Int)])]] {
        var terms: [String: [(form: String, postings: [(doc: Int, place: Int)])]] = [:]
        for file in index.files where file.path.hasPrefix(SearchIndex.directory + "tu") {
            let shard = try #require(try JSONSerialization.jsonObject(with: Data(file.contents)) as? [String: Any])
            for (term, value) in shard {
                let forms: [[String]] = (value as? String).map { [[term, $0]] } ?? (value as? [[String]] ?? [])
                terms[term] = try forms.map { pair in
                    var doc = 0
                    let numbers = try #require(PostingsCoding.decode(pair[1]))
                    return (pair[0], numbers.map { number in
                        doc += number >> 2
                        return (doc, number & 3)
                    })
                }
            }
        }
        return terms
    }

    @Test func writesTheManifestFirstThenTheRestUnderChiMuc() throws {
        let index = SearchIndex(model: try Self.model())
        #expect(index.files.first?.path == "tim-kiem/chi-muc/chi-muc.json")
        #expect(index.files.allSatisfy { $0.path.hasPrefix("tim-kiem/chi-muc/") && $0.path.hasSuffix(".json") })
        let rest = index.files.dropFirst().map(\.path)
        #expect(rest == rest.sorted())
        let manifest = try #require(try Self.json(index, "chi-muc.json") as? [String: Any])
        #expect(manifest["format"] as? Int == 2)
        #expect(manifest["count"] as? Int == 4, "the draft is left out")
        #expect(manifest["space"] as? Int == 64, "ids are slots of a space of at least 64")
        #expect((manifest["id"] as? String)?.count == 16)
        #expect((manifest["units"] as? [[String]])?.first == ["thcs-dong-thanh", "Trường THCS Đông Thạnh"])
        #expect((manifest["fields"] as? [[String]])?.map { $0[0] } == ["a", "b", "c", "d", "đ"])
        #expect(manifest["years"] as? [Int] == [2021, 2022, 2023, 2024, 2025])
    }

    @Test func includesDraftsOnlyWhenTheBuildDoes() throws {
        let index = SearchIndex(model: try Self.model(drafts: true))
        #expect(index.documentCount == 5)
        #expect(try Self.terms(index)["hong"]?.first?.form == "hồng")
    }

    /// Each document's id: its slot in the id space (`SearchIDs`), by name.
    static func ids(_ model: SiteModel) -> [String: Int] {
        let assigned = SearchIDs.assign(model.profiles.map(\.slug))
        return Dictionary(uniqueKeysWithValues: zip(model.profiles.map(\.name), assigned.ids))
    }

    /// The rows of the document chunks by id, holes (`0`) left out.
    static func rows(_ index: SearchIndex) throws -> [Int: [Any]] {
        var rows: [Int: [Any]] = [:]
        for file in index.files where file.path.hasPrefix(SearchIndex.directory + "tai-lieu-") {
            let number = try #require(Int(file.path.dropFirst((SearchIndex.directory + "tai-lieu-").count).dropLast(".json".count)))
            let slots = try #require(try JSONSerialization.jsonObject(with: Data(file.contents)) as? [Any])
            #expect(!slots.isEmpty && slots.count <= SearchIndex.chunkSize)
            #expect(slots.last is [Any], "a chunk ends with its last document")
            for (slot, row) in slots.enumerated() {
                if let row = row as? [Any] { rows[number * SearchIndex.chunkSize + slot] = row } else { #expect(row as? Int == 0) }
            }
        }
        return rows
    }

    @Test func documentsHoldWhatAResultShowsAtTheirIds() throws {
        let model = try Self.model([
            Self.profile("Võ Văn An", years: [2025]),
            Self.profile("Lê Thị Bình", unit: "th-nhi-binh", fields: ["b", "đ"], years: [2021, 2022], slug: "le-thi-binh-2"),
            Self.profile("Trường THCS Đông Thạnh", kind: .collective, years: [2023]),
            Self.profile("Đặng Cường", years: [2024]),
        ])
        let index = SearchIndex(model: model)
        let rows = try Self.rows(index)
        let ids = Self.ids(model)
        #expect(Set(rows.keys) == Set(ids.values), "every document at its id, nothing else")
        for (name, id) in ids { #expect(rows[id]?[0] as? String == name) }
        let binh = try #require(rows[ids["Lê Thị Bình"]!])
        let school = try #require(rows[ids["Trường THCS Đông Thạnh"]!])
        #expect(binh[1] as? String == "le-thi-binh-2", "an explicit slug is kept")
        #expect(rows[ids["Đặng Cường"]!]?[1] as? String == "", "a slug the script can fold from the name is left out")
        #expect(binh[2] as? String == "Giáo viên")
        #expect(school[2] as? String == "", "a collective has no position")
        #expect(binh[3] as? Int == 1 && school[3] as? Int == 0, "kind: index into the manifest's kinds")
        #expect(binh[4] as? Int == 1, "unit: index into the manifest's units")
        #expect(binh[5] as? [Int] == [1, 4])
        #expect(binh[6] as? [Int] == [2021, 2022])
    }

    @Test func excerptsHoldTheLeadAndAchievementsOfSixteenSlotsAFile() throws {
        let long = String(repeating: "Cô dạy học sinh tự học mỗi ngày. ", count: 20)
        let model = try Self.model([
            Self.profile("Võ Văn An", lead: "Thầy An dạy Toán.", achievements: ["Giải Nhất", "Giấy khen huyện"]),
            Self.profile("Lê Thị Bình", lead: long, achievements: []),
        ])
        let index = SearchIndex(model: model)
        let manifest = try #require(try Self.json(index, "chi-muc.json") as? [String: Any])
        #expect(manifest["excerptChunkSize"] as? Int == 16)
        let ids = Self.ids(model)
        for (name, id) in ids {
            let rows = try #require(try Self.json(index, "tom-tat-\(id / 16).json") as? [Any])
            let texts = try #require(rows[id % 16] as? [String], "\(name) at its slot")
            if name == "Võ Văn An" { #expect(texts == ["Thầy An dạy Toán.", "Giải Nhất", "Giấy khen huyện"]) }
            if name == "Lê Thị Bình" {
                #expect(texts.count == 1 && texts[0].hasSuffix("…") && texts[0].count <= SearchIndex.excerptLimit + 1,
                        "a long lead is cut at a word")
            }
        }
        #expect(index.files.filter { $0.path.contains("tom-tat-") }.count == Set(ids.values.map { $0 / 16 }).count)
    }

    @Test func chunksHoldSixtyFourIdSlotsEach() throws {
        let profiles = (0..<230).map { Self.profile("Giáo viên số \($0)") }
        let model = try Self.model(profiles)
        let index = SearchIndex(model: model)
        let manifest = try #require(try Self.json(index, "chi-muc.json") as? [String: Any])
        #expect(manifest["space"] as? Int == 512, "the smallest power of two at least twice the count")
        #expect(manifest["chunkSize"] as? Int == 64)
        let ids = Self.ids(model)
        let chunks = Set(ids.values.map { $0 / 64 })
        #expect(Set(index.files.filter { $0.path.contains("tai-lieu-") }.map(\.path)) == Set(chunks.map { "tim-kiem/chi-muc/tai-lieu-\($0).json" }),
                "one file per chunk that holds a document")
        #expect(try Self.rows(index).count == 230)
    }

    @Test func keepsEachOriginalFormWithTheMostProminentPlace() throws {
        let model = try Self.model([
            Self.profile("Phạm Thị Đường", lead: "Cô Đường dạy Toán."),
            Self.profile("Nguyễn Văn Dương", body: "Thầy được biểu dương; đường đến trường xa."),
        ])
        let index = SearchIndex(model: model)
        let terms = try Self.terms(index)
        let ids = Self.ids(model)
        let (duongName, duongBody) = (ids["Nguyễn Văn Dương"]!, ids["Phạm Thị Đường"]!)
        let duong = try #require(terms["duong"])
        #expect(duong.map(\.form) == ["dương", "đường"])
        #expect(duong[0].postings.map { [$0.doc, $0.place] } == [[duongName, 3]], "name beats the body's “biểu dương”")
        #expect(duong[1].postings.map { [$0.doc, $0.place] } == [[duongName, 0], [duongBody, 3]].sorted { $0[0] < $1[0] })
        #expect(terms["thcs"]?.count == 1, "one form equal to the term is written as a bare string")
        #expect(terms["toan"]?.first?.postings.map(\.place) == [1], "the lead counts as summary")
        #expect(terms["2022"]?.first?.postings.map(\.place) == [2, 2], "years are details")
        #expect(terms["dao"]?.first?.form == "đào", "field names are indexed")
    }

    @Test func stagesGivenAndHonoursAreWordsOfTheSummary() throws {
        var honoured = Self.profile("Võ Thị Mỹ Linh", years: [2023, 2024])
        honoured.stages = [2023: 1, 2024: 2]  // the basic site's process: Phát hiện, Bình chọn, Khen thưởng
        honoured.honours = [Profile.Honour(formID: "danh-hieu", formName: "Danh hiệu", issuer: "Ủy ban nhân dân huyện Hóc Môn",
                                           decision: "2301/QĐ-UBND", date: try #require(SimpleDate("2024-08-05")))]
        let plain = Self.profile("Lê Văn Tám")
        let model = try Self.model([honoured, plain])
        let terms = try Self.terms(SearchIndex(model: model))
        let id = Self.ids(model)["Võ Thị Mỹ Linh"]!
        for term in ["binh", "chon", "khen", "thuong", "danh", "hieu", "uy", "hoc", "mon", "2301", "qd", "ubnd"] {
            #expect(terms[term]?.flatMap(\.postings).map { [$0.doc, $0.place] } == [[id, 1]], "\(term)")
        }
        #expect(terms["phat"] == nil, "a stage not given (the first, by default) is not a word of the profile")
    }

    @Test func facetsListTheDocumentsOfEachKindUnitFieldAndYear() throws {
        let model = try Self.model([
            Self.profile("An", fields: ["a", "đ"], years: [2022, 2023]),
            Self.profile("Bình", unit: "th-nhi-binh", fields: ["a"], years: [2023]),
            Self.profile("Trường THCS Đông Thạnh", kind: .collective, fields: ["b"], years: [2022]),
        ])
        let facets = try #require(try Self.json(SearchIndex(model: model), "loc.json") as? [String: [String]])
        func ids(_ facet: String, _ index: Int) -> [Int] {
            var id = 0
            return (PostingsCoding.decode(facets[facet]![index]) ?? []).map { id += $0; return id }
        }
        let id = Self.ids(model)
        let (an, binh, school) = (id["An"]!, id["Bình"]!, id["Trường THCS Đông Thạnh"]!)
        #expect(ids("kinds", 0) == [school] && ids("kinds", 1) == [an, binh].sorted())
        #expect(ids("units", 0) == [an, school].sorted() && ids("units", 1) == [binh] && ids("units", 2) == [])
        #expect(ids("fields", 0) == [an, binh].sorted() && ids("fields", 1) == [school] && ids("fields", 4) == [an])
        #expect(ids("years", 1) == [an, school].sorted() && ids("years", 2) == [an, binh].sorted())
    }

    @Test func isByteIdenticalFromBuildToBuild() throws {
        let first = SearchIndex(model: try Self.model(drafts: true))
        let second = SearchIndex(model: try Self.model(drafts: true))
        #expect(first.files.map(\.path) == second.files.map(\.path))
        #expect(first.files.map(\.contents) == second.files.map(\.contents))
    }

    @Test func theIdChangesWithTheContent() throws {
        let before = SearchIndex(model: try Self.model([Self.profile("Nguyễn Văn An")]))
        let after = SearchIndex(model: try Self.model([Self.profile("Nguyễn Văn Anh")]))
        let id = { (index: SearchIndex) in (try Self.json(index, "chi-muc.json") as? [String: Any])?["id"] as? String }
        #expect(try id(before) != nil)
        #expect(try id(before) != id(after))
    }

    @Test func shardsStaySmallAndEveryWordFindsItsTerms() throws {
        var sizes: [String: Int] = [:]
        for first in ["ng", "th", "tr", "d", "b"] {
            for second in ["a", "o", "u", "uye", "ie", "ươ"] {
                for third in ["", "n", "ng", "c", "t"] { sizes[VietnameseFolding.fold(first + second + third)] = 300 }
            }
        }
        sizes["truong"] = 5000  // one term larger than the target
        let target = 2000
        let shards = SearchShards.partition(sizes, target: target)
        let keys = Array(shards.keys)
        var home: [String: String] = [:]
        for (key, terms) in shards {
            let size = terms.reduce(0) { $0 + sizes[$1]! }
            #expect(size <= target || terms == [key], "shard \(key) is \(size) bytes")
            for term in terms {
                #expect(home[term] == nil, "\(term) is in two shards")
                home[term] = key
                #expect(term.hasPrefix(key))
                #expect(keys.filter { term.hasPrefix($0) }.max { $0.count < $1.count } == key, "\(term) is not under its longest key")
            }
        }
        #expect(Set(home.keys) == Set(sizes.keys))
        // What search.js fetches for a word: the longest key that prefixes it and the keys it prefixes.
        for term in sizes.keys {
            for length in 2...term.count {
                let word = String(term.prefix(length))
                let longest = keys.filter { word.hasPrefix($0) }.max { $0.count < $1.count }
                let fetched = Set(keys.filter { $0.hasPrefix(word) } + [longest].compactMap { $0 })
                #expect(fetched.contains(home[term]!), "“\(word)” would miss \(term)")
            }
        }
    }

    @Test func quotesJSONStringsAsJavaScriptReadsThem() throws {
        let text = "Tổ \"Toán\" \\ Tin\n\t\r\u{1}\u{8}\u{C}\u{1F}\u{7F} \u{2027}\u{2028}\u{2029}\u{202A} 🙂\u{2028}"
        let quoted = JSONText.quote(text)
        #expect(quoted == #""Tổ \"Toán\" \\ Tin\n\t\r\u0001\b\f\u001f\#u{7F} \#u{2027}\u2028\u2029\#u{202A} 🙂\u2028""#)
        #expect(try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: .fragmentsAllowed) as? String == text)
    }

    @Test func aSmallSiteIsOneShard() throws {
        let index = SearchIndex(model: try Self.model())
        #expect(index.files.map(\.path).filter { $0.contains("/tu") } == ["tim-kiem/chi-muc/tu.json"])
        #expect(index.byteCount < 8 * 1024)
    }
}
