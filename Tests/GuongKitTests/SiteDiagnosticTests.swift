import Foundation
import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

/// Problems that need a whole site: built from a copy of the basic site in a temporary folder.
@Suite("Checking a whole site")
struct SiteDiagnosticTests {
    /// The codes these tests cover (the fixture table covers the rest).
    static let codesTested: Set<DiagnosticCode> = [
        .fileTooLarge, .frontMatterTooLarge, .profileDuplicate, .slugDuplicate, .configMissing, .configInvalid,
        .unitDuplicate, .pageInvalid, .tooManyProfiles, .fileUnreadable, .markdownTooDeep,
    ]

    @Test func theBasicSiteIsClean() throws {
        let content = try Fixtures.loadBasicSite()
        #expect(content.diagnostics.isEmpty)
        #expect(content.profileFileCount == 5)
        #expect(content.profiles.map(\.slug) == [
            "le-thi-lan", "truong-mam-non-hoa-hong", "nguyen-thi-minh-thu", "tran-van-hiep", "truong-thcs-dong-thanh",
        ])
        #expect(content.pages.map(\.slug) == ["gioi-thieu"])
    }

    // MARK: Files

    @Test func aProfileOver512KBIsTooLarge() throws {
        let site = try TemporarySite()
        let padding = String(repeating: "Một đoạn văn rất dài. ", count: 600 * 1024 / 26)
        try site.write("content/profiles/dai.md", ProfileText.individual(name: "Phạm Văn Dài") + padding)
        let diagnostics = try site.load().diagnostics.about("content/profiles/dai.md")
        #expect(diagnostics.map(\.code) == [.fileTooLarge])
        #expect(diagnostics.first?.location == SourceLocation(path: "content/profiles/dai.md"))
        #expect(diagnostics.first?.message.contains("512 KB") == true)
    }

    @Test func frontMatterOver16KBIsTooLarge() throws {
        let site = try TemporarySite()
        let comment = "# " + String(repeating: "x", count: 17 * 1024)
        try site.write("content/profiles/nhieu.md", ProfileText.make("loại: cá nhân\n\(comment)\ntên: Phạm Văn Nhiều"))
        let diagnostics = try site.load().diagnostics.about("content/profiles/nhieu.md")
        #expect(diagnostics.map(\.code) == [.frontMatterTooLarge])
        #expect(diagnostics.first?.location.line == 1)
    }

    @Test func aFileThatCannotBeReadIsReported() throws {
        let site = try TemporarySite()
        // A link to nothing: listed as a profile, but reading it fails (as root, permissions would not).
        try FileManager.default.createSymbolicLink(atPath: site.url("content/profiles/mat.md").path,
                                                   withDestinationPath: "khong-ton-tai.md")
        let diagnostics = try site.load().diagnostics.about("content/profiles/mat.md")
        #expect(diagnostics.map(\.code) == [.fileUnreadable])
    }

    @Test func tooManyProfilesStopsBeforeReadingThem() throws {
        var limits = Limits()
        limits.profiles = 3
        let content = try SiteLoader(root: Fixtures.basicSite, limits: limits).load()
        #expect(content.diagnostics.map(\.code) == [.tooManyProfiles])
        #expect(content.diagnostics.first?.location.path == "content/profiles")
        #expect(content.profiles.isEmpty)
    }

    // MARK: Configuration

    @Test(arguments: ["content/registration.yaml", "content/site.yaml", "content/units.yaml"])
    func aMissingConfigurationFile(path: String) throws {
        let site = try TemporarySite()
        try site.remove(path)
        let diagnostics = try site.load().diagnostics
        #expect(diagnostics.with(.configMissing).map(\.location) == [SourceLocation(path: path)])
        #expect(diagnostics.hasErrors)
    }

    @Test("Configuration values that are wrong, at their line", arguments: [
        ("content/registration.yaml", "phase:\n  start: 2025\n  end: 2021\nkinds: []\nfields: []\n", 2),
        ("content/registration.yaml", "phase:\n  start: hai\n  end: 2025\n", 2),
        ("content/site.yaml", "department: Phòng GD&ĐT\nlanguage: vi\n", 1),
        ("content/site.yaml", "title: Thử\nbase_url: ftp://example.edu.vn/\n", 2),
        ("content/site.yaml", "title: Thử\npage_size: 0\n", 2),
        ("content/units.yaml", "units:\n  - id: Trường Số 1\n    name: Trường Số 1\n    level: Tiểu học\n", 2),
    ])
    func invalidConfiguration(path: String, text: String, line: Int) throws {
        let site = try TemporarySite()
        try site.write(path, text)
        let invalid = try site.load().diagnostics.with(.configInvalid).about(path)
        #expect(invalid.contains { $0.location.line == line }, "got \(invalid.map(\.location))")
    }

    @Test func aRepeatedUnitIDIsReportedAtTheRepeat() throws {
        let site = try TemporarySite()
        try site.write("content/units.yaml", """
            units:
              - id: th-nhi-binh
                name: Trường Tiểu học Nhị Bình
                level: Tiểu học
              - id: thcs-dong-thanh
                name: Trường THCS Đông Thạnh
                level: Trung học cơ sở
              - id: mn-hoa-hong
                name: Trường Mầm non Hoa Hồng
                level: Mầm non
              - id: th-nhi-binh
                name: Trường Tiểu học Nhị Bình (cơ sở 2)
                level: Tiểu học

            """)
        let content = try site.load()
        let duplicates = content.diagnostics.with(.unitDuplicate)
        #expect(duplicates.map(\.location) == [SourceLocation(path: "content/units.yaml", line: 11, column: 9)])
        #expect(duplicates.first?.message.contains("dòng 2") == true)
        #expect(content.units.first { $0.id == "th-nhi-binh" }?.name == "Trường Tiểu học Nhị Bình")
    }

    @Test func aPageWithoutATitleIsInvalid() throws {
        let site = try TemporarySite()
        try site.write("content/pages/ke-hoach.md", "---\norder: 2\n---\n\nNội dung.\n")
        let content = try site.load()
        #expect(content.diagnostics.map(\.code) == [.pageInvalid])
        #expect(content.diagnostics.first?.location.path == "content/pages/ke-hoach.md")
        #expect(content.pages.map(\.slug) == ["gioi-thieu"])
    }

    // MARK: Rules across profiles

    @Test func theSameExemplarTwiceNamesBothFiles() throws {
        let site = try TemporarySite()
        try site.write("content/profiles/2022/vo-van-trung.md", ProfileText.individual(name: "Võ Văn Trùng"))
        try site.write("content/profiles/2023/vo-van-trung.md", ProfileText.individual(name: "Võ  Văn   Trùng"))
        let content = try site.load()
        let duplicates = content.diagnostics.with(.profileDuplicate)
        #expect(duplicates.map(\.location.path) == ["content/profiles/2023/vo-van-trung.md"])
        #expect(duplicates.first?.location.line == 3)
        #expect(duplicates.first?.message.contains("content/profiles/2022/vo-van-trung.md") == true)
        #expect(content.profiles.filter { $0.name == "Võ Văn Trùng" }.count == 1)
    }

    @Test func twoExplicitEqualSlugsClash() throws {
        let site = try TemporarySite()
        try site.write("content/profiles/mot.md", ProfileText.individual(name: "Người Một", extra: "slug: chung"))
        try site.write("content/profiles/hai.md",
                       ProfileText.individual(name: "Người Hai", unit: "thcs-dong-thanh", extra: "đường dẫn: chung"))
        let diagnostics = try site.load().diagnostics
        let clashes = diagnostics.with(.slugDuplicate)
        #expect(clashes.map(\.location.path) == ["content/profiles/mot.md"])
        #expect(clashes.first?.message.contains("/dien-hinh/chung/") == true)
        #expect(clashes.first?.message.contains("content/profiles/hai.md") == true)
        #expect(diagnostics.count == 1)
    }

    @Test func anExplicitSlugMayNotTakeAnotherProfilesURL() throws {
        let site = try TemporarySite()
        try site.write("content/profiles/zz.md", ProfileText.individual(name: "Người Khác", extra: "slug: le-thi-lan"))
        let clashes = try site.load().diagnostics.with(.slugDuplicate)
        #expect(clashes.count == 1)
    }

    @Test func namesakesInDifferentUnitsTakeTheirUnitAsASuffix() throws {
        let site = try TemporarySite()
        try site.write("content/profiles/lan-1.md", ProfileText.individual(name: "Nguyễn Thị Lan"))
        try site.write("content/profiles/lan-2.md", ProfileText.individual(name: "Nguyễn Thị Lan", unit: "thcs-dong-thanh"))
        let content = try site.load()
        #expect(content.diagnostics.isEmpty)
        let slugs = content.profiles.filter { $0.name == "Nguyễn Thị Lan" }.map(\.slug)
        #expect(slugs == ["nguyen-thi-lan-th-nhi-binh", "nguyen-thi-lan-thcs-dong-thanh"])
        #expect(content.profiles.first { $0.sourcePath.hasSuffix("le-thi-lan.md") }?.slug == "le-thi-lan")
    }

    @Test
    func namesThatDifferOnlyInDiacriticsAreDifferentPeople() throws {
        let site = try TemporarySite()
        try site.write("content/profiles/thu.md", ProfileText.individual(name: "Nguyễn Thị Thu", extra: "slug: nguyen-thi-thu"))
        try site.write("content/profiles/thu-2.md", ProfileText.individual(name: "Nguyễn Thị Thư", extra: "slug: nguyen-thi-thu-2"))
        let content = try site.load()
        #expect(content.diagnostics.with(.profileDuplicate).isEmpty)
        #expect(content.profiles.filter { $0.name.hasPrefix("Nguyễn Thị Th") }.count == 2)
    }

    @Test func aHeadOfUnitWithoutTheUnitsCollectiveIsWarned() throws {
        let site = try TemporarySite()
        try site.write("content/profiles/hieu-truong.md",
                       ProfileText.individual(name: "Phạm Thị Hiệu", position: "Hiệu trưởng"))
        let diagnostics = try site.load().diagnostics
        #expect(diagnostics.map(\.code) == [.headWithoutCollective])
        #expect(diagnostics.first?.location == SourceLocation(path: "content/profiles/hieu-truong.md", line: 3, column: 1))
        #expect(!diagnostics.hasErrors)
    }

    @Test
    func checkingOneFileSeesTheSitesCollectives() throws {
        let file = Fixtures.basicSite.appendingPathComponent("content/profiles/tran-van-hiep.md")
        let content = try SiteLoader(root: Fixtures.basicSite).load(only: [file])
        #expect(content.diagnostics.isEmpty)
    }

    // MARK: Text

    @Test func aProfileTypedInNFDGetsTheSameSlugAsInNFC() throws {
        let text = ProfileText.individual(name: "Nguyễn Văn Hiệp", unit: "thcs-dong-thanh", position: "Giáo viên Tiếng Việt")
        let composed = try TemporarySite()
        try composed.write("content/profiles/hiep.md", text)
        let decomposed = try TemporarySite()
        try decomposed.write("content/profiles/hiep.md", text.decomposedStringWithCanonicalMapping)

        let fromNFC = try #require(try composed.load().profiles.first { $0.sourcePath == "content/profiles/hiep.md" })
        let fromNFD = try #require(try decomposed.load().profiles.first { $0.sourcePath == "content/profiles/hiep.md" })
        #expect(fromNFD.slug == "nguyen-van-hiep")
        #expect(fromNFD.slug == fromNFC.slug)
        #expect(Array(fromNFD.name.unicodeScalars) == Array(fromNFC.name.unicodeScalars))
        #expect(Array(fromNFD.position.unicodeScalars) == Array("Giáo viên Tiếng Việt".unicodeScalars))
    }

    @Test func theSameProfileInNFCAndNFDIsOneExemplar() throws {
        let site = try TemporarySite()
        let text = ProfileText.individual(name: "Nguyễn Văn Hiệp")
        try site.write("content/profiles/a.md", text)
        try site.write("content/profiles/b.md", text.decomposedStringWithCanonicalMapping)
        let diagnostics = try site.load().diagnostics
        #expect(diagnostics.with(.profileDuplicate).map(\.location.path) == ["content/profiles/b.md"])
    }

    @Test("An & or * inside a quoted value is text, not a YAML anchor or alias", arguments: [
        "tên: \"A & *B\"", "tên: 'Tổ \"Sao\" & *Mai'", "tên: Tổ Văn & *Mai", "tên: \"Lớp *1\" # &ghi chú",
    ])
    func quotedAnchorsAreText(nameLine: String) throws {
        let site = try TemporarySite()
        let frontMatter = "loại: cá nhân\n\(nameLine)\nchức vụ: Giáo viên\nđơn vị: th-nhi-binh\nlĩnh vực: [a]\nnăm: 2023"
        try site.write("content/profiles/neo.md", ProfileText.make(frontMatter))
        let content = try site.load()
        #expect(content.diagnostics.isEmpty, "\(content.diagnostics.map(\.location))")
        #expect(content.profiles.contains { $0.sourcePath == "content/profiles/neo.md" })
    }

    @Test func aByteOrderMarkAndWindowsLineEndsKeepLineNumbers() throws {
        let site = try TemporarySite()
        let text = ProfileText.individual(name: "Phạm Văn CRLF", extra: "ngày đăng ký: 2022-13-01")
        try site.write("content/profiles/crlf.md", bytes: [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let diagnostics = try site.load().diagnostics
        #expect(diagnostics.map(\.code) == [.registeredInvalid])
        #expect(diagnostics.first?.location == SourceLocation(path: "content/profiles/crlf.md", line: 8, column: 15))
    }

    @Test func vietnameseKeysShiftValueColumnsByCharacters() throws {
        let site = try TemporarySite()
        try site.write("content/profiles/sai.md", ProfileText.individual(name: "Phạm Văn Sai", unit: "thcs-dong-thnah"))
        let diagnostics = try site.load().diagnostics
        #expect(diagnostics.map(\.location) == [SourceLocation(path: "content/profiles/sai.md", line: 5, column: 9)])
        #expect(diagnostics.first?.suggestion == "thcs-dong-thanh")
    }

    // MARK: Known bugs

    @Test
    func deeplyNestedQuotesAreTooDeep() throws {
        let site = try TemporarySite()
        let body = "\nLời giới thiệu.\n\n" + String(repeating: ">", count: 40) + " Sâu.\n\n## Thành tích nổi bật\n\n- Một.\n"
        try site.write("content/profiles/sau.md", ProfileText.make("loại: cá nhân\ntên: Phạm Văn Sâu\nchức vụ: Giáo viên\nđơn vị: th-nhi-binh\nlĩnh vực: [a]\nnăm: 2023", body: body))
        let diagnostics = try site.load().diagnostics
        #expect(diagnostics.with(.markdownTooDeep).map(\.location.line) == [12])
    }

    @Test(arguments: ["loại:", "đơn vị: \"\""])
    func anEmptyRequiredValueIsAnError(line: String) throws {
        let site = try TemporarySite()
        let key = line.prefix { $0 != ":" }
        var lines = ["loại: cá nhân", "tên: Phạm Văn Rỗng", "chức vụ: Giáo viên", "đơn vị: th-nhi-binh", "lĩnh vực: [a]", "năm: 2023"]
        lines = lines.map { $0.hasPrefix(key + ":") ? line : $0 }
        try site.write("content/profiles/rong.md", ProfileText.make(lines.joined(separator: "\n")))
        let content = try site.load()
        #expect(content.diagnostics.about("content/profiles/rong.md").hasErrors)
    }

    @Test
    func aRepeatedKeyIsReportedWhereItRepeats() throws {
        let site = try TemporarySite()
        // `tên:` on line 3 and again on line 8.
        try site.write("content/profiles/lap.md", ProfileText.individual(name: "Phạm Văn Một", extra: "tên: Phạm Văn Hai"))
        let duplicates = try site.load().diagnostics.with(.keyDuplicate)
        #expect(duplicates.map(\.location.line) == [8])
    }
}
