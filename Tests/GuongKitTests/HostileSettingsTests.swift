import Foundation
import Testing
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport

/// What `check` must catch so that `build` cannot fail after it, and what the office's own files may not do:
/// values that become paths are bounded, numbers that size the output are bounded, the base URL is an
/// address of this site, and no two pages share a URL.
@Suite("Hostile input: paths, numbers, base URL, page URLs")
struct HostileSettingsTests {
    static let codesTested: Set<DiagnosticCode> = [.pathTooLong, .baseURLRelative, .achievementsExtra, .fileIgnored]

    @Test func aProfileSavedAsAWordFileIsReportedNotSkippedInSilence() throws {
        let site = try TemporarySite()
        for name in ["profiles/hoso.docx", "profiles/2023/hoso.md.txt", "profiles/Hoso.PDF", "pages/gioi-thieu-2.doc"] {
            try site.write("content/\(name)", "x")
        }
        try site.write("content/profiles/anh.jpg", "x")
        try site.write("content/profiles/_mau.docx", "x")
        let content = try site.load()
        #expect(content.diagnostics.map(\.code) == Array(repeating: .fileIgnored, count: 4))
        #expect(content.diagnostics.map(\.location.path) == [
            "content/pages/gioi-thieu-2.doc", "content/profiles/2023/hoso.md.txt", "content/profiles/Hoso.PDF", "content/profiles/hoso.docx",
        ])
    }

    // MARK: Nothing a school wrote is dropped in silence

    @Test func textBesideTheAchievementsListIsKeptOnThePageInOrder() throws {
        let sandbox = try HostileSandbox()
        try sandbox.addFixture("achievements-extra.md")
        let report = try sandbox.build()
        #expect(report.diagnostics.with(.achievementsExtra).count == 6)
        let page = try String(contentsOf: sandbox.output.appendingPathComponent("dien-hinh/pham-van-nhieu/index.html"), encoding: .utf8)
        let texts = ["Chiến sĩ thi đua cơ sở năm 2022.", "Trong giai đoạn, thầy đạt được:", "Ngoài ra còn có:", "Sổ tay số",
                     "Lời khen của Hiệu trưởng", "Lao động tiên tiến", "mã khối: 42", "Hoạt động khác", "Đoạn sau mục thành tích."]
        let positions = texts.map { page.range(of: $0.replacingOccurrences(of: "\"", with: "&quot;"))?.lowerBound }
        #expect(!positions.contains(nil), "\(zip(texts, positions).filter { $0.1 == nil }.map(\.0))")
        let found = positions.compactMap { $0 }
        #expect(found.dropFirst() == found.dropFirst().sorted()[...], "the kept blocks are in the order written")
    }

    // MARK: Values that become paths (a 300-character name passed check and failed the build)

    @Test func aLongNameFailsTheCheckNotTheBuild() throws {
        let site = try TemporarySite()
        let name = String(repeating: "Nguyễn Thị Hồng Nhung ", count: 14)
        try site.write("content/profiles/dai.md", ProfileText.individual(name: name))
        let found = try site.load().diagnostics.about("content/profiles/dai.md")
        #expect(found.map(\.code) == [.pathTooLong])
        #expect(found.first?.location.line == 3)
        var options = SiteBuilder.Options(siteRoot: site.root)
        options.output = site.url("out")
        #expect {
            try SiteBuilder(options: options).build()
        } throws: { error in
            if case .content = error as? SiteBuilder.Failure { true } else { false }
        }
    }

    @Test func guongNewRefusesANameTooLongForAFileName() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let name = String(repeating: "Nguyễn Thị Hồng Nhung ", count: 14)
        let run = try runGuong(["new", "individual", "--site", site.root.path, "--name", name])
        #expect(run.status == 1)
        #expect(run.err.contains("[path.too-long]"), "\(run.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("content/profiles").path)
            .allSatisfy { $0.utf8.count < 100 })
    }

    @Test func anExplicitSlugIsBoundedToo() throws {
        let site = try TemporarySite()
        let slug = Array(repeating: "truong", count: 30).joined(separator: "-")
        try site.write("content/profiles/dai.md", ProfileText.individual(name: "Phạm Văn Dài", extra: "slug: \(slug)"))
        #expect(try site.load().diagnostics.about("content/profiles/dai.md").map(\.code) == [.pathTooLong])
    }

    @Test func unitAndFieldIDsAndPageNamesAreBounded() throws {
        let site = try TemporarySite()
        let long = Array(repeating: "truong", count: 30).joined(separator: "-")
        let units = try String(contentsOf: site.url("content/units.yaml"), encoding: .utf8)
        try site.write("content/units.yaml", units + "  - id: \(long)\n    name: Trường Dài\n    level: Tiểu học\n")
        let registration = try String(contentsOf: site.url("content/registration.yaml"), encoding: .utf8)
        try site.write("content/registration.yaml", registration.replacingOccurrences(of: "id: giao-duc-dao-tao", with: "id: \(long)"))
        try site.write("content/pages/\(long).md", "---\ntitle: Dài\n---\n\nTrang.\n")
        let diagnostics = try site.load().diagnostics.with(.pathTooLong)
        #expect(Set(diagnostics.map(\.location.path)) == ["content/units.yaml", "content/registration.yaml", "content/pages/\(long).md"])
    }

    /// The bound leaves room for the longest names it accepts: namesakes take their unit's id as a suffix.
    @Test func theLongestAcceptedNamesBuild() throws {
        let site = try TemporarySite()
        let limit = Limits().pathSegmentBytes
        let unitID = String(String(repeating: "don-vi-", count: 30).prefix(limit - 1)) + "a"
        let otherID = String(String(repeating: "truong-", count: 30).prefix(limit - 1)) + "b"
        let units = try String(contentsOf: site.url("content/units.yaml"), encoding: .utf8)
        try site.write("content/units.yaml", units + "  - id: \(unitID)\n    name: Đơn vị A\n    level: Tiểu học\n"
                       + "  - id: \(otherID)\n    name: Đơn vị B\n    level: Tiểu học\n")
        let name = String(String(repeating: "Nguyễn Văn Bé ", count: 20).prefix(limit))
        #expect(VietnameseFolding.slug(name).utf8.count <= limit)
        try site.write("content/profiles/a.md", ProfileText.individual(name: name, unit: unitID))
        try site.write("content/profiles/b.md", ProfileText.individual(name: name, unit: otherID))
        var options = SiteBuilder.Options(siteRoot: site.root)
        options.output = site.url("out")
        let report = try SiteBuilder(options: options).build()
        #expect(report.profileCount == 6)
    }

    // MARK: Numbers that size the output (phase.end: 202500 made 200,561 year pages)

    @Test("A number that sizes the output is bounded, at its line", arguments: [
        ("phase:\n  start: 2021\n  end: 202500\n", 3),
        ("phase:\n  start: 2021\n  end: 999999999\n", 3),
        ("phase:\n  start: -5\n  end: 2025\n", 2),
        ("phase:\n  start: 1900\n  end: 2025\n", 2),
        ("phase:\n  start: 2021\n  end: 2099\n", 3),
        ("phase:\n  start: 2021\n  end: 99999999999999999999999\n", 3),
        ("quotas:\n  school_per_phase: 1000000000\n", 2),
        ("quotas:\n  department_per_phase: -3\n", 2),
        ("quotas:\n  per_year:\n    collective: mười\n", 3),
    ])
    func boundedNumbers(yaml: String, line: Int) throws {
        let site = try TemporarySite()
        let registration = try String(contentsOf: site.url("content/registration.yaml"), encoding: .utf8)
        let kept = Self.removingTopLevelKeys(["phase", "quotas"], from: registration)
        let phase = yaml.hasPrefix("phase:") ? "" : "phase:\n  start: 2021\n  end: 2025\n"
        try site.write("content/registration.yaml", yaml + phase + kept)
        let content = try site.load()
        let invalid = content.diagnostics.with(.configInvalid).about("content/registration.yaml")
        #expect(invalid.map(\.location.line) == [line], "got \(invalid.map { "\($0.location): \($0.message)" })")
        #expect(content.schema == nil)
    }

    @Test func aPageSizeOutOfBoundsIsInvalid() throws {
        let site = try TemporarySite()
        try site.write("content/site.yaml", "title: Thử\nbase_url: https://x.example/\npage_size: 100000\n")
        #expect(try site.load().diagnostics.with(.configInvalid).map(\.location.line) == [3])
    }

    /// The top-level `keys` of a YAML file taken out, with the lines indented below them.
    static func removingTopLevelKeys(_ keys: [String], from text: String) -> String {
        var skipping = false
        return text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            if let first = line.first, first != " ", first != "#" {
                skipping = keys.contains { line.hasPrefix($0 + ":") }
            }
            return !skipping
        }.joined(separator: "\n")
    }

    // MARK: base_url (//other.host/x/ was taken as a path)

    @Test("An address of another host, a script or a trick is refused", arguments: [
        "//other.host/x/", "///other.host/", "/\\other.host/", "\\\\other.host\\x", "javascript:alert(1)//", "JaVaScRiPt:x",
        "data:text/html,x", " //other.host/", "/x/\t/", "/x /", "https://user@evil.example/", "https://evil.example:99999/",
        "https:///x/", "https://", "http:/x/", "https:\\\\evil.example/", "/x/../../", "/./x/", "/x\u{0}/", "/x\u{202E}/",
        "/x\u{200B}/", "/x\u{A0}/", "/x\u{3000}/", "/x%zz/", "/x?a=1", "/x#y", "https://a b.example/", "ftp://x.example/",
        "https://evil.example\\@good.example/", "https://-x.example/", "/\u{FF0F}x/", "",
    ])
    func badBaseURLs(_ text: String) {
        #expect(throws: InvalidBaseURL.self) { try BaseURL.normalise(text).get() }
    }

    @Test("Addresses of this site are kept, with a final slash", arguments: [
        ("https://pgd.example.edu.vn/dien-hinh/", "https://pgd.example.edu.vn/dien-hinh/"),
        ("https://pgd.example.edu.vn", "https://pgd.example.edu.vn/"),
        ("HTTP://127.0.0.1:8080/a", "HTTP://127.0.0.1:8080/a/"),
        ("http://[::1]:4000/", "http://[::1]:4000/"),
        ("/", "/"), ("/dien-hinh", "/dien-hinh/"), ("/điển-hình/", "/điển-hình/"), ("/a%20b/", "/a%20b/"),
    ])
    func goodBaseURLs(text: String, normalised: String) throws {
        #expect(try BaseURL.normalise(text).get() == normalised)
    }

    @Test func aBaseURLOfAnotherHostInSiteYAMLIsInvalidAtItsLine() throws {
        let site = try TemporarySite()
        try site.write("content/site.yaml", "title: Thử\nbase_url: //other.host/x/\n")
        #expect(try site.load().diagnostics.with(.configInvalid).map(\.location.line) == [2])
    }

    @Test func aRootRelativeBaseURLIsWarnedAbout() throws {
        let site = try TemporarySite()
        try site.write("content/site.yaml", "title: Thử\nbase_url: /dien-hinh/\n")
        let content = try site.load()
        #expect(content.diagnostics.map(\.code) == [.baseURLRelative])
        #expect(content.diagnostics.first?.location.line == 2)
        var options = SiteBuilder.Options(siteRoot: site.root)
        options.output = site.url("out")
        options.baseURL = "https://x.example/a/"
        #expect(try SiteBuilder(options: options).build().diagnostics.isEmpty, "an absolute --base-url replaces it")
        options.baseURL = "/b/"
        #expect(try SiteBuilder(options: options).build().diagnostics.map(\.location.path) == ["--base-url"])
    }

    @Test func theCommandLineRefusesAnotherHostToo() throws {
        let (temp, site) = try SiteBuildFixture.copyBasicSite()
        defer { try? FileManager.default.removeItem(at: temp) }
        let run = try SiteBuildFixture.guong(["build", "--site", site.path, "--output", temp.appendingPathComponent("out").path,
                                              "--base-url", "//other.host/x/"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("//other.host/x/"))
        #expect(!FileManager.default.fileExists(atPath: temp.appendingPathComponent("out").path))
    }

    // MARK: Free pages whose names fold to one slug (all were published at /a-b/)

    @Test func pagesWhoseNamesFoldAlikeAreDuplicates() throws {
        let site = try TemporarySite()
        for name in ["a-b.md", "a b.md", "Ạ B.md"] { try site.write("content/pages/\(name)", "---\ntitle: \(name)\n---\n\nTrang.\n") }
        let content = try site.load()
        let duplicates = content.diagnostics.with(.slugDuplicate)
        #expect(duplicates.count == 2)
        // Files are taken in path order; each later one names the first.
        #expect(Set(duplicates.map(\.location.path)) == ["content/pages/a-b.md", "content/pages/Ạ B.md"])
        #expect(duplicates.allSatisfy { $0.message.contains("content/pages/a b.md") && $0.message.contains("/a-b/") })
        #expect(content.pages.filter { $0.slug == "a-b" }.count == 1)
        var options = SiteBuilder.Options(siteRoot: site.root)
        options.output = site.url("out")
        #expect(throws: SiteBuilder.Failure.self) { try SiteBuilder(options: options).build() }
    }

    @Test func pagesInSubfoldersWithOneNameAreDuplicates() throws {
        let site = try TemporarySite()
        try site.write("content/pages/mot/tin.md", "---\ntitle: Một\n---\n\nTrang.\n")
        try site.write("content/pages/hai/tin.md", "---\ntitle: Hai\n---\n\nTrang.\n")
        #expect(try site.load().diagnostics.with(.slugDuplicate).map(\.location.path) == ["content/pages/mot/tin.md"])
    }

    /// The reserved names are a second description of the site's URLs: compared here with a real build,
    /// so a new top-level folder of the site cannot be taken by a free page.
    @Test func everyTopLevelFolderOfTheSiteIsReserved() throws {
        let site = try TemporarySite()
        var options = SiteBuilder.Options(siteRoot: site.root)
        options.output = site.url("out")
        _ = try SiteBuilder(options: options).build()
        let pages = Set(try site.load().pages.map(\.slug))
        let top = try FileManager.default.contentsOfDirectory(atPath: site.url("out").path)
        var isDirectory: ObjCBool = false
        let folders = top.filter {
            FileManager.default.fileExists(atPath: site.url("out/\($0)").path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        #expect(Set(folders).subtracting(pages).subtracting(SitePaths.reserved).isEmpty, "\(folders)")
    }
}
