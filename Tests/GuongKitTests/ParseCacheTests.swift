import Foundation
import Synchronization
import Testing
@testable import GuongKit

/// The parse cache on disk (`.guong-cache/parses`): a load with it gives exactly what a fresh load gives, and
/// an entry is trusted only while its file's identity on disk is the one noted.
@Suite struct ParseCacheTests {
    /// The basic site's profiles, a parser for them, and a counter of the parses made.
    struct Setup {
        let site: TemporarySite
        let files: [ContentFile]
        let parser: ProfileParser
        let parses = Counter()
        let url: URL
        let key = Fingerprint(high: 1, low: 2)

        init() throws {
            site = try TemporarySite()
            let loader = SiteLoader(root: site.root)
            files = loader.markdownFiles(in: "content/profiles")
            let limits = Limits()
            let schema = try #require(RegistrationSchema.load(ContentFile(url: site.url("content/registration.yaml"), displayPath: "r"), limits: limits).0)
            let units = Unit.loadAll(ContentFile(url: site.url("content/units.yaml"), displayPath: "u"), limits: limits).0
            var parser = ProfileParser(schema: schema, units: Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                                       contentRoot: loader.contentRoot, limits: limits, photos: nil)
            parser.draftProblemsAreWarnings = true
            self.parser = parser
            url = site.url(".guong-cache/parses")
        }

        /// Loads with the cache file as it is, saving what the load found; `later` seconds after now.
        func load(later: Double = 60) -> [ProfileCache.Result] {
            let (parser, parses) = (self.parser, self.parses)
            let (results, next) = ParseCache.load(url, key: key).results(for: files, started: Date().timeIntervalSince1970 + later) {
                parses.add()
                return parser.parseNotingDraft($0)
            }
            next?.save(to: url)
            return results
        }

        /// A fresh parse of every file, described whole.
        var fresh: String { describe(files.map(parser.parseNotingDraft)) }
    }

    final class Counter: Sendable {
        private let count = Mutex(0)
        func add() { count.withLock { $0 += 1 } }
        func take() -> Int { count.withLock { value in defer { value = 0 }; return value } }
    }

    static func describe(_ results: [ProfileCache.Result]) -> String {
        results.map { "\(String(describing: $0.profile)) \($0.diagnostics) \($0.isDraft)" }.joined(separator: "\n")
    }

    @Test func secondLoadParsesNothingAndGivesTheSame() throws {
        let setup = try Setup()
        let first = setup.load()
        #expect(setup.parses.take() == setup.files.count)
        let cached = ParseCache.load(setup.url, key: setup.key)
        #expect(cached.count > 0)
        let second = setup.load()
        // Only files the cache may not hold (a photo, links to files) are parsed again.
        #expect(setup.parses.take() == setup.files.count - cached.count)
        #expect(Self.describe(second) == Self.describe(first))
        #expect(Self.describe(second) == setup.fresh)
        // Warnings come back from the cache as a fresh parse gives them.
        #expect(second.flatMap(\.diagnostics) == setup.files.map(setup.parser.parseNotingDraft).flatMap(\.diagnostics))
    }

    @Test func editedFileWithItsSizeAndTimeRestoredIsParsedAgain() throws {
        let setup = try Setup()
        let before = Self.describe(setup.load())
        _ = setup.parses.take()
        let cached = ParseCache.load(setup.url, key: setup.key)
        let file = try #require(setup.files.first { cached.entries[$0.path] != nil })
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        var text = try String(contentsOfFile: file.path, encoding: .utf8)
        let index = try #require(text.range(of: ".", options: .backwards))
        text.replaceSubrange(index, with: "!")  // the same number of bytes
        try Data(text.utf8).write(to: URL(fileURLWithPath: file.path))
        try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate]!], ofItemAtPath: file.path)
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int == attributes[.size] as? Int)
        let results = setup.load()
        #expect(setup.parses.take() >= 1)
        #expect(Self.describe(results) == setup.fresh)
        #expect(Self.describe(results) != before)
    }

    @Test func filesChangedJustBeforeTheLoadAreNotKept() throws {
        let setup = try Setup()
        _ = setup.load(later: 0)
        #expect(ParseCache.load(setup.url, key: setup.key).count == 0)
        _ = setup.load(later: 0)
        #expect(setup.parses.take() == 2 * setup.files.count)
    }

    @Test func deletedOrCorruptCacheIsIgnored() throws {
        let setup = try Setup()
        _ = setup.load()
        let whole = try [UInt8](Data(contentsOf: setup.url))
        // Cut short, not a cache, a byte more: refused whole.
        let refused: [[UInt8]] = [[], Array(whole.prefix(whole.count / 2)), Array("GUONG-PARSES-1\n".utf8) + Array(repeating: 0xFF, count: 200),
                                  whole + [0]]
        for bytes in refused {
            try Data(bytes).write(to: setup.url)
            #expect(ParseCache.load(setup.url, key: setup.key).count == 0)
            _ = setup.parses.take()
            #expect(Self.describe(setup.load()) == setup.fresh)
            #expect(setup.parses.take() == setup.files.count)
            // Rebuilt whole for the next load.
            #expect(ParseCache.load(setup.url, key: setup.key).count > 0)
        }
        // A byte changed anywhere: the file is refused, or the entry it falls in is parsed again.
        for offset in stride(from: whole.count / 7, to: whole.count, by: whole.count / 7) {
            var flipped = whole
            flipped[offset] ^= 0x20
            try Data(flipped).write(to: setup.url)
            _ = setup.parses.take()
            #expect(Self.describe(setup.load()) == setup.fresh)
            #expect(setup.parses.take() >= 1)
        }
        try FileManager.default.removeItem(at: setup.url)
        #expect(Self.describe(setup.load()) == setup.fresh)
        #expect(setup.parses.take() == setup.files.count)
        #expect(ParseCache.load(setup.url, key: Fingerprint(high: 1, low: 3)).count == 0)
    }

    @Test func deletedProfileLeavesTheCache() throws {
        let setup = try Setup()
        _ = setup.load()
        let before = ParseCache.load(setup.url, key: setup.key)
        let file = try #require(setup.files.first { before.entries[$0.path] != nil })
        try FileManager.default.removeItem(atPath: file.path)
        let remaining = Setup.Remaining(setup: setup, without: file.path)
        _ = remaining.load()
        #expect(ParseCache.load(setup.url, key: setup.key).entries[file.path] == nil)
    }

    @Test func linksToFilesPhotosAndErrorsAreNotCached() throws {
        let setup = try Setup()
        for result in setup.files.map(setup.parser.parseNotingDraft) {
            let photo = result.profile?.photo != nil
            if photo || result.profile == nil { #expect(!ParseCache.isCacheable(result, photo: result.profile.flatMap(ParseCache.PhotoRecord.init),
                                                                               started: Date().timeIntervalSince1970 + 60)) }
        }
        #expect(LinkScan.onlyAbsoluteLinks(Array(#"<p><a href="https://example.vn/">x</a> <a href="mailto:a@b.vn">y</a></p>"#.utf8)))
        #expect(!LinkScan.onlyAbsoluteLinks(Array(#"<p><a href="tai-lieu/ke-hoach.pdf">x</a></p>"#.utf8)))
        #expect(!LinkScan.onlyAbsoluteLinks(Array(##"<p><a href="#muc">x</a></p>"##.utf8)))
        #expect(!LinkScan.onlyAbsoluteLinks(Array(#"<p><a href="https://a.vn/">x</a><img src="anh.png"></p>"#.utf8)))
        #expect(LinkScan.onlyAbsoluteLinks(Array("<p>a = \"b\" href=</p>".utf8)))
    }
}

extension ParseCacheTests {
    /// The loader's own use: a site loaded with the cache, again and again, gives a fresh load's profiles and
    /// warnings every time.
    @Test func siteLoadWithTheCacheEqualsAFreshLoad() throws {
        let site = try TemporarySite()
        let path = "content/profiles/tran-van-hiep.md"
        let text = try String(contentsOf: site.url(path), encoding: .utf8)
        try site.write(path, text.replacingOccurrences(of: "---\n", with: "---\nghi_chu_rieng: thử\n", options: [], range: text.range(of: "---\n")))
        let fresh = try SiteLoader(root: site.root).load()
        #expect(fresh.diagnostics.contains { $0.code == .keyUnknown })
        var loader = SiteLoader(root: site.root)
        loader.keepsParseCache = true
        loader.clock = { Date().timeIntervalSince1970 + 60 }
        for _ in 0..<3 {
            let loaded = try loader.load()
            #expect(loaded.diagnostics == fresh.diagnostics)
            #expect(String(describing: loaded.profiles) == String(describing: fresh.profiles))
            #expect(loaded.drafts == fresh.drafts)
        }
        #expect(FileManager.default.fileExists(atPath: site.url(".guong-cache/parses").path))
    }
}

extension ParseCacheTests {
    /// A profile with a photo is taken from the cache while its photo file and its photo cache entry are as
    /// they were; a photo replaced, or an entry the photo cache lost, makes the load parse it again, and
    /// every load equals a fresh one.
    @Test func aProfilesPhotoIsKeptWhileTheFileAndTheEntryAre() throws {
        let site = try TemporarySite()
        let path = "content/profiles/nguyen-thi-minh-thu.md"
        var loader = SiteLoader(root: site.root)
        loader.keepsParseCache = true
        loader.clock = { Date().timeIntervalSince1970 + 60 }
        func photo(_ content: SiteContent) throws -> PreparedPhoto {
            try #require(content.profiles.first { $0.sourcePath.hasSuffix("nguyen-thi-minh-thu.md") }?.preparedPhoto)
        }
        let first = try photo(loader.load())
        // Kept: the cache file holds the photo's profile, and the next load gives the same photo.
        let cache = try Data(contentsOf: site.url(".guong-cache/parses"))
        #expect(String(decoding: cache, as: UTF8.self).contains(path))
        #expect(try photo(loader.load()) == first)
        // The photo cache lost the entry: parsed again, the entry made again, and the loader's store kept it.
        try FileManager.default.removeItem(at: first.folder)
        #expect(try photo(loader.load()).folder == first.folder)
        #expect(FileManager.default.fileExists(atPath: first.folder.appendingPathComponent("info").path))
        // Made again, its files have new times (stamps): the same entry otherwise, as the next load keeps it.
        let remade = try photo(loader.load())
        #expect(remade.folder == first.folder && remade.files.map(\.name) == first.files.map(\.name))
        #expect(try photo(loader.load()) == remade)
        // The photo replaced by another drawing: another entry, as a fresh load gives it.
        let svg = try String(contentsOf: site.url("content/profiles/thu.svg"), encoding: .utf8)
        try site.write("content/profiles/thu.svg", svg.replacingOccurrences(of: "</svg>", with: "<rect width=\"1\" height=\"1\"/></svg>"))
        let replaced = try photo(loader.load())
        #expect(replaced != first)
        #expect(try photo(SiteLoader(root: site.root).load()) == replaced)
    }
}

extension ParseCacheTests.Setup {
    /// The setup with one file left out of the load.
    struct Remaining {
        let setup: ParseCacheTests.Setup
        let without: String

        func load() -> [ProfileCache.Result] {
            let parser = setup.parser
            let files = setup.files.filter { $0.path != without }
            let (results, next) = ParseCache.load(setup.url, key: setup.key).results(for: files, started: Date().timeIntervalSince1970 + 60) {
                parser.parseNotingDraft($0)
            }
            next?.save(to: setup.url)
            return results
        }
    }
}
