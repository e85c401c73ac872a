import Foundation
import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

/// Search ids come from slugs (`SearchIDs`): adding, removing or renaming one profile rewrites the
/// index files that hold its words, its chunk, the filters and the manifest — not the whole index.
@Suite struct SearchStableIDsTests {
    static func slugs(_ count: Int, seed: UInt64) -> [String] {
        var random = SearchWordScannerTests.Generator(state: seed)
        return (0..<count).map { "giao-vien-\($0)-\(random.next() % 100_000)" }
    }

    @Test func idsAreDistinctSlotsOfTheSpaceWhateverTheOrder() {
        let slugs = Self.slugs(1000, seed: 3)
        let assigned = SearchIDs.assign(slugs)
        #expect(assigned.space == 2048)
        #expect(Set(assigned.ids).count == 1000)
        #expect(assigned.ids.allSatisfy { (0..<2048).contains($0) })
        let reversed = SearchIDs.assign(slugs.reversed())
        #expect(Array(reversed.ids.reversed()) == assigned.ids, "an id depends on the set of slugs, not their order")
        #expect(SearchIDs.space(for: 0) == 64 && SearchIDs.space(for: 32) == 64 && SearchIDs.space(for: 33) == 128)
    }

    @Test func aSlugAddedOrRemovedMovesAtMostAFewOthers() {
        let slugs = Self.slugs(999, seed: 5)  // 999 and 1000 share a space
        let before = Dictionary(uniqueKeysWithValues: zip(slugs, SearchIDs.assign(slugs).ids))
        var moved: [Int] = []
        for extra in 0..<50 {
            let grown = slugs + ["nguoi-moi-\(extra)"]
            let after = Dictionary(uniqueKeysWithValues: zip(grown, SearchIDs.assign(grown).ids))
            moved.append(slugs.filter { before[$0] != after[$0] }.count)
            let shrunk = Array(slugs[..<extra] + slugs[(extra + 1)...])
            let less = Dictionary(uniqueKeysWithValues: zip(shrunk, SearchIDs.assign(shrunk).ids))
            moved.append(shrunk.filter { before[$0] != less[$0] }.count)
        }
        #expect(moved.max()! <= 6, "\(moved)")
        #expect(moved.reduce(0, +) <= moved.count, "on average under one other document moves: \(moved)")
    }

    // MARK: - A built site of a few hundred profiles

    static let family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Trương"]
    static let middle = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Quốc", "Đức", "Kim"]
    static let given = ["An", "Bình", "Châu", "Cường", "Dũng", "Giang", "Hà", "Hạnh", "Hùng", "Lan", "Linh", "Mai", "Nam", "Phúc",
                        "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vân", "Yến"]
    static let sentences = ["Thầy cô dạy học gắn với đời sống.", "Bồi dưỡng học sinh giỏi cấp huyện.",
                            "Sáng kiến kinh nghiệm được công nhận.", "Chuyển đổi số trong quản lý hồ sơ.",
                            "Vận động phụ huynh góp sách cho thư viện.", "Tổ chức sân chơi cho học sinh vào cuối tuần."]

    static func profileText(name: String, position: String, unit: String, year: Int, body: String) -> String {
        "---\nkind: individual\nname: \(name)\nposition: \(position)\nunit: \(unit)\nfields: [a]\nyear: \(year)\n---\n\n\(body)\n"
            + "\n## Thành tích nổi bật\n\n- Giấy khen năm \(year).\n"
    }

    /// 4,000 made-up words of two syllables, so that the index of a few hundred profiles has a dozen shards.
    static let vocabulary: [String] = {
        let onsets = ["b", "c", "d", "g", "h", "k", "l", "m", "n", "ph", "qu", "s", "t", "th", "tr", "v", "x"]
        let vowels = ["a", "e", "i", "o", "u", "ơ", "ư", "ai", "oa", "uy"]
        let codas = ["", "c", "m", "n", "ng", "nh", "p", "t"]
        var random = SearchWordScannerTests.Generator(state: 17)
        func syllable() -> String {
            [onsets, vowels, codas].map { $0[Int(random.next() % UInt64($0.count))] }.joined()
        }
        return (0..<4000).map { _ in syllable() + syllable() }
    }()

    /// The basic site with 300 more generated profiles.
    static func largeSite() throws -> (temp: URL, site: URL) {
        let (temp, site) = try SiteBuildFixture.copyBasicSite()
        var random = SearchWordScannerTests.Generator(state: 11)
        var used = Set<String>()
        let units = ["thcs-dong-thanh", "th-nhi-binh", "mn-hoa-hong"]
        while used.count < 300 {
            let name = [family, middle, given].map { $0[Int(random.next() % UInt64($0.count))] }.joined(separator: " ")
            let slug = VietnameseFolding.slug(name)
            guard used.insert(slug).inserted else { continue }
            let body = (0..<3).map { _ in sentences[Int(random.next() % UInt64(sentences.count))] }.joined(separator: " ")
                + " " + (0..<100).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }.joined(separator: " ")
            let text = profileText(name: name, position: "Giáo viên", unit: units[Int(random.next() % 3)],
                                   year: 2021 + Int(random.next() % 5), body: body)
            try Data(text.utf8).write(to: site.appendingPathComponent("content/profiles/sinh-\(slug).md"))
        }
        return (temp, site)
    }

    static func build(_ site: URL, into output: URL) throws {
        let run = try SiteBuildFixture.guong(["build", "--site", site.path, "--output", output.path])
        try #require(run.status == 0, "guong build exited \(run.status): \(run.stderr)")
    }

    /// The index folder's files, by name.
    static func index(_ output: URL) throws -> [String: Data] {
        try SiteBuildFixture.tree(output.appendingPathComponent(SearchIndex.directory))
    }

    /// Each query's results, by search.js on the index folder (nil where Node is not installed).
    static func search(_ output: URL, _ queries: [String]) throws -> [String: [String]]? {
        let node = ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let node else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = [SiteBuildFixture.packageRoot.appendingPathComponent("Tests/browser/search-folder.mjs").path,
                             output.appendingPathComponent(SearchIndex.directory).path] + queries
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return try JSONDecoder().decode([String: [String]].self, from: data)
    }

    /// Each document's slot, by slug, from the index's chunks.
    static func slots(_ index: [String: Data]) throws -> [String: Int] {
        var slots: [String: Int] = [:]
        for (name, data) in index where name.hasPrefix("tai-lieu-") {
            let chunk = try #require(Int(name.dropFirst("tai-lieu-".count).dropLast(".json".count)))
            for (slot, row) in try #require(try JSONSerialization.jsonObject(with: data) as? [Any]).enumerated() {
                guard let row = row as? [Any], let name = row[0] as? String, let slug = row[1] as? String else { continue }
                slots[slug.isEmpty ? VietnameseFolding.slug(name) : slug] = chunk * SearchIndex.chunkSize + slot
            }
        }
        return slots
    }

    /// Checks the files that changed between two states of the index: the manifest, the filters, at
    /// most `chunks` document chunks, a few shards split or merged, and otherwise only shards that hold
    /// one of `words` (folded) — the changed profile's — or of a document its id pushed to the next slot,
    /// as a term or a phrase's first word.
    static func expectFewChanged(_ before: [String: Data], _ after: [String: Data], words: Set<String>, chunks: Int, site: URL,
                                 sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let changed = SiteBuildFixture.differences(before, after)
        let changedChunks = changed.filter { $0.hasPrefix("tai-lieu-") }
        #expect(changedChunks.count <= chunks, "chunks \(changedChunks)", sourceLocation: sourceLocation)
        // The excerpts (lead and achievements) are grouped by id too: as few as the chunks.
        let changedExcerpts = changed.filter { $0.hasPrefix("tom-tat-") }
        #expect(changedExcerpts.count <= chunks, "excerpts \(changedExcerpts)", sourceLocation: sourceLocation)
        let (old, new) = (try slots(before), try slots(after))
        let moved = old.keys.filter { new[$0] != nil && new[$0] != old[$0] }
        #expect(moved.count <= 2, "moved: \(moved)", sourceLocation: sourceLocation)
        var words = words
        for slug in moved {
            words.formUnion(Self.words([try String(contentsOf: site.appendingPathComponent("content/profiles/sinh-\(slug).md"), encoding: .utf8)]))
        }
        // A shard that grew past its target splits, one that shrank merges into its parent: a few new or gone files.
        let resharded = changed.filter { $0.hasPrefix("tu") && (before[$0] == nil || after[$0] == nil) }
        #expect(resharded.count <= 3, "\(resharded)", sourceLocation: sourceLocation)
        for shard in changed where shard.hasPrefix("tu") && !resharded.contains(shard) {
            var terms: Set<String> = []
            for data in [before[shard], after[shard]].compactMap({ $0 }) {
                terms.formUnion(try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]).keys)
            }
            let holds = terms.contains { words.contains($0) || words.contains(String($0.split(separator: " ").first ?? "")) }
            #expect(holds, "\(shard) changed but holds none of the profile's words", sourceLocation: sourceLocation)
        }
        #expect(Set(changed).isSubset(of: Set(changedChunks + changedExcerpts + changed.filter { $0.hasPrefix("tu") }
                                               + ["chi-muc.json", "loc.json"])),
                "\(changed)", sourceLocation: sourceLocation)
    }

    /// The folded words of a generated profile's texts and of what the index adds to them.
    static func words(_ texts: [String]) -> Set<String> {
        let all = texts + ["Giấy khen năm", "Cá nhân", "Giáo dục – đào tạo", "Giáo viên", "Trường Mầm non Hoa Hồng", "Trường Tiểu học Nhị Bình",
                           "Trường THCS Đông Thạnh"]
        return Set(all.flatMap(SearchText.words).map { VietnameseFolding.fold($0) })
    }

    @Test func oneProfileAddedRemovedOrRenamedRewritesOnlyItsFiles() throws {
        let (temp, site) = try Self.largeSite()
        defer { try? FileManager.default.removeItem(at: temp) }
        let output = temp.appendingPathComponent("public")
        try Self.build(site, into: output)
        let first = try Self.index(output)
        #expect(first.keys.filter { $0.hasPrefix("tu") }.count >= 8, "enough shards for the counts to mean something")
        let queries = ["nguyen", "tran thi", "sang kien", "hoc sinh gioi", "dong thanh", "giáo viên"]
        let searchedFirst = try Self.search(output, queries + ["ong ich khiem"])

        // Added: a profile whose words are mostly its own.
        let added = Self.profileText(name: "Ông Ích Khiêm", position: "Bảo vệ", unit: "mn-hoa-hong", year: 2024,
                                     body: "Giữ trường xanh, sạch.")
        try Data(added.utf8).write(to: site.appendingPathComponent("content/profiles/ong-ich-khiem.md"))
        try Self.build(site, into: output)
        let second = try Self.index(output)
        try Self.expectFewChanged(first, second, words: Self.words(["Ông Ích Khiêm", "Bảo vệ", "Giữ trường xanh, sạch.", "2024"]),
                                  chunks: 2, site: site)
        if let before = searchedFirst, let after = try Self.search(output, queries + ["ong ich khiem"]) {
            for query in queries { #expect(after[query]?.sorted() == before[query]?.sorted(), "\(query)") }
            #expect(before["ong ich khiem"] == [])
            #expect(after["ong ich khiem"]?.first == "Ông Ích Khiêm")
        }

        // Removed: one of the generated profiles.
        let generated = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("content/profiles").path)
            .filter { $0.hasPrefix("sinh-") }.sorted()
        let removedText = try String(contentsOf: site.appendingPathComponent("content/profiles/" + generated[7]), encoding: .utf8)
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/profiles/" + generated[7]))
        try Self.build(site, into: output)
        let third = try Self.index(output)
        try Self.expectFewChanged(second, third, words: Self.words([removedText]), chunks: 2, site: site)

        // Renamed: the added profile, so its slug and id change.
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/profiles/ong-ich-khiem.md"))
        let renamed = added.replacingOccurrences(of: "Ông Ích Khiêm", with: "Ông Ích Khiêm Xuyến")
        try Data(renamed.utf8).write(to: site.appendingPathComponent("content/profiles/ong-ich-khiem-xuyen.md"))
        try Self.build(site, into: output)
        let fourth = try Self.index(output)
        try Self.expectFewChanged(third, fourth, words: Self.words([renamed]), chunks: 4, site: site)

        // The index built step by step is the one a clean build makes.
        let clean = temp.appendingPathComponent("clean")
        try Self.build(site, into: clean)
        #expect(try Self.index(clean) == fourth)
        if let rebuilt = try Self.search(output, queries), let fresh = try Self.search(clean, queries) {
            #expect(rebuilt == fresh)
        }
    }
}
