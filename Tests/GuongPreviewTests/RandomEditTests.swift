import Foundation
import Testing
@testable import GuongKit
@testable import GuongRender
@testable import GuongPreview
import GuongTestSupport

/// The property that makes incremental work safe: after any sequence of edits — profiles edited, moved,
/// renamed, added and removed; units, free pages, settings and theme files changed — what the preview serves
/// and what a build into the previous output leaves are byte for byte what a clean `guong build` writes, and
/// a build leaves every file whose bytes did not change as it was (same inode, same modification time).
@Suite(.serialized) struct RandomEditTests {
    /// Reproducible choices, so a failure names its seed.
    typealias Choices = SeededGenerator

    static let surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Huỳnh"]
    static let middles = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Đức", "Quang", "Hữu"]
    static let givens = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khoa", "Lan", "Mai", "Nam", "Oanh", "Phúc",
                         "Quân", "Sơn", "Tâm", "Uyên", "Vinh", "Xuân", "Yến", "Đạt"]
    static let units = ["thcs-dong-thanh", "th-nhi-binh", "mn-hoa-hong"]
    static let fields = ["a", "b", "c", "d", "đ"]

    /// An individual's profile: its name, unit, years and fields drawn from `choices`.
    static func profile(_ number: Int, using choices: inout Choices, body: String = "") -> (name: String, text: String) {
        let name = "\(surnames[number % surnames.count]) \(middles[(number / surnames.count) % middles.count]) "
            + givens[(number / (surnames.count * middles.count)) % givens.count]
        let unit = units.randomElement(using: &choices)!
        let years = [2022, 2023, 2024].filter { _ in Bool.random(using: &choices) }
        let fieldList = fields.filter { _ in Int.random(in: 0..<3, using: &choices) == 0 }
        let text = """
        ---
        kind: individual
        name: \(name)
        position: Giáo viên
        unit: \(unit)
        fields: [\((fieldList.isEmpty ? ["a"] : fieldList).joined(separator: ", "))]
        years: [\((years.isEmpty ? [2023] : years).map(String.init).joined(separator: ", "))]
        ---

        \(name) dạy học tận tâm. \(body)

        ## Thành tích nổi bật

        - Giáo viên dạy giỏi cấp huyện năm học 2022–2023.

        ## Kinh nghiệm

        Soạn bài kỹ, dạy học sinh biết tự học.

        """
        return (name, text)
    }

    /// The basic site with `count` generated profiles besides its own.
    static func site(profiles count: Int, using choices: inout Choices) throws -> ScratchSite {
        let site = try ScratchSite()
        for number in 0..<count {
            let (_, text) = profile(number, using: &choices)
            try site.write("content/profiles/sinh/\(number).md", text)
        }
        return site
    }

    /// Every file below `folder` (hidden ones aside), by relative path.
    static func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for entry in FolderWalk.files(in: folder.path) {
            result[entry.path] = try Data(contentsOf: folder.appendingPathComponent(entry.path))
        }
        return result
    }

    /// Inode and modification time of every file below `folder`.
    static func stamps(in folder: URL) -> [String: FileStamp] {
        var result: [String: FileStamp] = [:]
        for entry in FolderWalk.files(in: folder.path) {
            result[entry.path] = FileStamp(path: folder.path + "/" + entry.path)
        }
        return result
    }

    static func build(_ site: ScratchSite, into output: URL) throws -> SiteBuilder.Report {
        var options = SiteBuilder.Options(siteRoot: site.root)
        options.output = output
        return try SiteBuilder(options: options).build()
    }

    /// One random edit of the site; the paths it touched.
    static func edit(_ site: ScratchSite, step: Int, count: inout Int, using choices: inout Choices) throws -> (String, [URL]) {
        let generated = (try? FileManager.default.contentsOfDirectory(atPath: site.url("content/profiles/sinh").path))?
            .filter { $0.hasSuffix(".md") }.sorted() ?? []
        let pick = generated.randomElement(using: &choices).map { "content/profiles/sinh/" + $0 }
        switch Int.random(in: 0..<12, using: &choices) {
        case 0, 1, 2:
            guard let pick else { fallthrough }
            try site.write(pick, try site.read(pick).replacingOccurrences(of: "dạy học tận tâm.", with: "dạy học tận tâm, bước \(step)."))
            return ("body of \(pick)", [site.url(pick)])
        case 3:
            guard let pick else { fallthrough }
            // Another unit, years and fields: the profile moves between listings.
            let number = Int(pick.dropFirst("content/profiles/sinh/".count).dropLast(3))!
            try site.write(pick, profile(number, using: &choices, body: "Sửa ở bước \(step).").text)
            return ("placement of \(pick)", [site.url(pick)])
        case 4:
            guard let pick else { fallthrough }
            // Another name: another address.
            try site.write(pick, try site.read(pick).replacingOccurrences(of: "name: ", with: "name: Cô "))
            return ("name of \(pick)", [site.url(pick)])
        case 5:
            let path = "content/profiles/sinh/\(count).md"
            try site.write(path, profile(count, using: &choices).text)
            count += 1
            return ("added \(path)", [site.url(path)])
        case 6:
            guard let pick else { fallthrough }
            try FileManager.default.removeItem(at: site.url(pick))
            return ("removed \(pick)", [site.url(pick)])
        case 7:
            let path = "content/units.yaml"
            try site.write(path, try site.read(path).replacingOccurrences(of: "Trường Tiểu học Nhị Bình", with: "Trường Tiểu học Nhị Bình \(step)")
                .replacingOccurrences(of: "Nhị Bình \(step - 1)", with: "Nhị Bình"))
            return ("units", [site.url(path)])
        case 8:
            let path = "content/pages/gioi-thieu.md"
            try site.write(path, try site.read(path) + "\nThêm một dòng ở bước \(step).\n")
            return ("free page", [site.url(path)])
        case 9:
            let path = "content/site.yaml"
            let text = try site.read(path)
            try site.write(path, text.contains("bộ thử mới") ? text.replacingOccurrences(of: "bộ thử mới", with: "bộ thử")
                                                              : text.replacingOccurrences(of: "bộ thử", with: "bộ thử mới"))
            return ("site title", [site.url(path)])
        case 10:
            let path = "theme/templates/card.mustache"
            let base = site.exists(path) ? try site.read(path) : String(decoding: DefaultTheme.files["templates/card.mustache"]!, as: UTF8.self)
            try site.write(path, base + "<!-- bước \(step) -->\n")
            return ("card template", [site.url(path)])
        default:
            let path = "theme/strings.yaml"
            try site.write(path, "search: Tìm \(step)\n")
            return ("strings", [site.url(path)])
        }
    }

    /// More seeds: `GUONG_RANDOM_EDIT_SEEDS=1,2,3 swift test --filter RandomEditTests`.
    static let seeds: [UInt64] = ProcessInfo.processInfo.environment["GUONG_RANDOM_EDIT_SEEDS"]?
        .split(separator: ",").compactMap { UInt64($0) } ?? [49]

    @Test(arguments: seeds)
    func previewAndRebuildsEqualACleanBuild(seed: UInt64) throws {
        var choices = Choices(state: seed)
        var count = 200
        let site = try Self.site(profiles: count, using: &choices)
        defer { site.remove() }
        let scratch = site.root.appendingPathComponent(".scratch", isDirectory: true)
        let output = site.url("public")
        _ = try Self.build(site, into: output)
        let preview = try ServeIncrementalTests.Preview(root: site.root, script: "")
        guard case .built = preview.rebuild() else { throw TestFailure("the generated site does not build") }

        for step in 1...10 {
            let (what, paths) = try Self.edit(site, step: step, count: &count, using: &choices)
            let before = Self.stamps(in: output)
            let beforeFiles = try Self.files(in: output)
            let report = try Self.build(site, into: output)
            let clean = scratch.appendingPathComponent("clean-\(step)")
            _ = try Self.build(site, into: clean)
            let expected = try Self.files(in: clean)

            // The build into the previous output equals the clean build …
            let built = try Self.files(in: output)
            #expect(Set(built.keys) == Set(expected.keys), "seed \(seed), step \(step) (\(what)): build's paths")
            let stale = expected.keys.filter { built[$0] != nil && built[$0] != expected[$0] }.sorted()
            #expect(stale.isEmpty, "seed \(seed), step \(step) (\(what)): build's stale files \(stale.prefix(5))")
            // … and left every file whose bytes did not change as it was.
            let after = Self.stamps(in: output)
            let moved = built.keys.filter { beforeFiles[$0] == built[$0] && before[$0] != after[$0] }.sorted()
            #expect(moved.isEmpty, "seed \(seed), step \(step) (\(what)): unchanged files rewritten \(moved.prefix(5))")
            #expect(report.changes.unchangedCount == built.keys.filter { beforeFiles[$0] == built[$0] }.count)

            // What the preview serves equals it too.
            guard case .built = preview.change(paths) else { throw TestFailure("seed \(seed), step \(step) (\(what)): the preview failed") }
            let served = preview.output
            #expect(Set(served.keys) == Set(expected.keys), "seed \(seed), step \(step) (\(what)): preview's paths")
            let staleServed = expected.keys.filter { served[$0] != nil && served[$0] != expected[$0] }.sorted()
            #expect(staleServed.isEmpty, "seed \(seed), step \(step) (\(what)): preview's stale files \(staleServed.prefix(5))")
            try? FileManager.default.removeItem(at: clean)
        }
    }

    /// A page is not rendered again when nothing it shows changed: after an edit of one profile's body,
    /// only its own page is.
    @Test func anEditOfOneBodyRendersOnePage() throws {
        var choices = Choices(state: 7)
        let site = try Self.site(profiles: 60, using: &choices)
        defer { site.remove() }
        let output = site.url("public")
        let first = try Self.build(site, into: output)
        #expect(first.pagesNotRendered == 0)
        let same = try Self.build(site, into: output)
        #expect(same.pagesNotRendered == same.pageCount)
        #expect(same.changes.added.isEmpty && same.changes.changed.isEmpty && same.changes.removed.isEmpty)
        // Profile 3 is Phạm Văn An; its experience is on its page only (and in the search index and the data).
        let path = "content/profiles/sinh/3.md"
        try site.write(path, try site.read(path).replacingOccurrences(of: "biết tự học.", with: "biết tự học và tự tin."))
        let edited = try Self.build(site, into: output)
        #expect(edited.pagesNotRendered == edited.pageCount - 1)
        #expect(edited.changes.changed.filter { $0.hasSuffix(".html") } == [SitePaths.file(for: SitePaths.profile("pham-van-an"))])
    }
}
