import Foundation
import Testing
@testable import GuongKit
@testable import GuongRender

/// The search index's batches of words kept across builds: a rebuild reads again only what changed, and its
/// index is byte for byte the one a build without the cache makes.
@Suite("The search index's batch cache")
struct SearchBatchCacheTests {
    static let names = ["An", "Bình", "Chi", "Dũng", "Đào", "Giang", "Hà", "Khánh", "Lan", "Minh", "Ngọc", "Phúc", "Quân", "Sơn", "Thảo"]

    /// 300 profiles, so three batches of 128.
    static func profiles(lead: String = "Giáo viên dạy giỏi") -> [Profile] {
        (0..<300).map { number in
            SearchIndexTests.profile("Nguyễn \(names[number % names.count]) \(names[number / names.count % names.count]) \(number)",
                                     lead: "\(lead) \(number)", body: "Sáng kiến số \(number) về \(names[number % 7]).")
        }
    }

    static func same(_ a: SearchIndex, _ b: SearchIndex) -> Bool {
        a.files.map(\.path) == b.files.map(\.path) && a.files.map(\.contents) == b.files.map(\.contents)
    }

    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("guong-search-cache-\(UUID().uuidString)")
    }

    @Test("an edit reads one batch again; the index equals one made without the cache")
    func anEditReadsOneBatch() throws {
        let site = Self.folder()
        defer { try? FileManager.default.removeItem(at: site) }
        var profiles = Self.profiles()
        let first = SearchBatchCache(siteRoot: site)
        let made = SearchIndex(model: try SearchIndexTests.model(profiles), cache: first)
        #expect(first.batchesRead == 3)
        #expect(Self.same(made, SearchIndex(model: try SearchIndexTests.model(profiles))))

        let unchanged = SearchBatchCache(siteRoot: site)
        #expect(Self.same(SearchIndex(model: try SearchIndexTests.model(profiles), cache: unchanged), made))
        #expect(unchanged.batchesRead == 0)

        profiles[42].lead = [MarkdownBlock(kind: .paragraph, html: "<p>Hiệu trưởng mới</p>", text: "Hiệu trưởng mới",
                                           position: TextPosition(line: 1, column: 1))]
        let edited = SearchBatchCache(siteRoot: site)
        let index = SearchIndex(model: try SearchIndexTests.model(profiles), cache: edited)
        #expect(edited.batchesRead == 1)
        #expect(Self.same(index, SearchIndex(model: try SearchIndexTests.model(profiles))))
        #expect(!Self.same(index, made))
    }

    @Test("a damaged or foreign cache file is ignored whole")
    func damagedFiles() throws {
        let site = Self.folder()
        defer { try? FileManager.default.removeItem(at: site) }
        let profiles = Self.profiles()
        let cache = SearchBatchCache(siteRoot: site)
        let made = SearchIndex(model: try SearchIndexTests.model(profiles), cache: cache)
        let file = site.appendingPathComponent(".guong-cache/search")
        let bytes = try Data(contentsOf: file)
        for damage in [{ (data: inout Data) in data[data.count / 2] ^= 0x40 }, { $0 = $0.prefix($0.count - 3) },
                       { $0 = Data("GUONG-PARSES-1\n".utf8) + $0.dropFirst(15) }, { $0 = Data() },
                       { $0 += $0.suffix($0.count - 15) }] {  // every record twice
            var damaged = bytes
            damage(&damaged)
            try damaged.write(to: file)
            let reread = SearchBatchCache(siteRoot: site)
            #expect(Self.same(SearchIndex(model: try SearchIndexTests.model(profiles), cache: reread), made))
            #expect(reread.batchesRead == 3)
        }
    }

    @Test("batches read back are checked for the ranges the merge reads")
    func wellFormed() {
        let good = SearchPostings.Grouped(formBytes: Array(repeating: 0x61, count: 16), formStarts: [0, 8], formCounts: [3, 8],
                                          formHashes: [1, 2], starts: [0, 1, 3], values: [4, 5, 6])
        #expect(good.isWellFormed)
        var outside = good
        outside.formCounts = [3, 9]
        #expect(!outside.isWellFormed)
        var postings = good
        postings.starts = [0, 2, 1]
        #expect(!postings.isWellFormed)
        var counts = good
        counts.formHashes = [1]
        #expect(!counts.isWellFormed)
    }
}
