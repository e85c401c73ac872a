import Foundation
@testable import GuongKit
import Testing
@testable import GuongRender
import GuongTestSupport

/// `guong intake`: files the schools sent, checked, normalised and filed; nothing lost or overwritten.
@Suite struct IntakeTests {
    static func profile(name: String, unit: String = "th-nhi-binh", extra: String = "", body: String = "Thầy dạy giỏi.") -> String {
        sampleProfileText(name: name, unit: unit, extra: extra, body: body)
    }

    /// A folder of submissions beside the site.
    struct Inbox {
        let root: URL
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("guong-inbox-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        }
        func put(_ name: String, _ data: Data) throws -> URL {
            let url = root.appendingPathComponent(name)
            try data.write(to: url)
            return url
        }
        func put(_ name: String, _ text: String) throws -> URL { try put(name, Data(text.utf8)) }
        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    func intake(_ site: ScratchSite, _ files: [URL], dryRun: Bool = false) throws -> IntakeReport {
        var options = Intake.Options(siteRoot: site.root)
        options.dryRun = dryRun
        return try Intake(options: options).run(files)
    }

    @Test func aGoodFileIsCopiedUnderItsSlugAndTheOriginalKept() throws {
        let site = try ScratchSite(), inbox = try Inbox()
        defer { site.remove(); inbox.remove() }
        let text = Self.profile(name: "Phạm Văn Tư")
        let file = try inbox.put("ho so thay Tu.md", text)
        let report = try intake(site, [file])
        let entry = try #require(report.entries.first)
        #expect(entry.verdict == .accepted(target: "content/profiles/pham-van-tu/index.md"))
        #expect(entry.normalised.isEmpty)
        #expect(try site.read("content/profiles/pham-van-tu/index.md") == text)
        #expect(try String(contentsOf: file, encoding: .utf8) == text)
        #expect(report.accepted == 1 && report.rejected == 0 && report.conflicts == 0)
        #expect(report.table().contains("nhận"))
        #expect(report.table().contains("→ content/profiles/pham-van-tu/index.md"))
        #expect(!(try SiteLoader(root: site.root).load().diagnostics.hasErrors))
    }

    @Test func nfdCrlfAndBomAreNormalisedAndNothingElse() throws {
        let site = try ScratchSite(), inbox = try Inbox()
        defer { site.remove(); inbox.remove() }
        let nfc = Self.profile(name: "Trương Thị Ánh Tuyết", body: "Cô Tuyết   dạy   Văn,  \ttrailing spaces kept.  ")
        let sent = Data([0xEF, 0xBB, 0xBF]) + Data(nfc.decomposedStringWithCanonicalMapping.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let file = try inbox.put("tuyet.md", sent)
        let report = try intake(site, [file])
        let entry = try #require(report.entries.first)
        #expect(entry.verdict == .accepted(target: "content/profiles/truong-thi-anh-tuyet/index.md"))
        #expect(entry.normalised == [.nfc, .lineEnds, .bom])
        let written = try Data(contentsOf: site.url("content/profiles/truong-thi-anh-tuyet/index.md"))
        #expect(written == Data(nfc.utf8))
        #expect(try Data(contentsOf: file) == sent)
        #expect(report.table().contains("đã chuẩn hóa: Unicode NFC, xuống dòng LF, bỏ BOM"))
    }

    @Test func aFileWithErrorsIsLeftWhereItWasWithItsProblems() throws {
        let site = try ScratchSite(), inbox = try Inbox()
        defer { site.remove(); inbox.remove() }
        let text = Self.profile(name: "Phạm Văn Tư", unit: "th-nhi-bihn")
        let file = try inbox.put("tu.md", text)
        let before = try FileManager.default.contentsOfDirectory(atPath: site.url("content/profiles").path).sorted()
        let report = try intake(site, [file])
        #expect(report.entries.first?.verdict == .rejected)
        #expect(report.rejected == 1)
        #expect(report.problems().contains("tu.md:5:7: lỗi: đơn vị \"th-nhi-bihn\" không có trong danh sách đơn vị của Phòng — có phải \"th-nhi-binh\"?"))
        #expect(report.table().contains("trả lại"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.url("content/profiles").path).sorted() == before)
        #expect(try String(contentsOf: file, encoding: .utf8) == text)
    }

    @Test func theSameExemplarAgainIsAConflictNeverAnOverwrite() throws {
        let site = try ScratchSite(), inbox = try Inbox()
        defer { site.remove(); inbox.remove() }
        // Trần Văn Hiệp of thcs-dong-thanh is in the site already; this one says it differently.
        let existing = try site.read("content/profiles/tran-van-hiep.md")
        let file = try inbox.put("hiep-moi.md", Self.profile(name: "TRẦN VĂN HIỆP", unit: "thcs-dong-thanh"))
        let report = try intake(site, [file])
        #expect(report.entries.first?.verdict == .conflict(.sameExemplar(existing: "content/profiles/tran-van-hiep.md")))
        #expect(report.table().contains("trùng"))
        #expect(try site.read("content/profiles/tran-van-hiep.md") == existing)
        #expect(!site.exists("content/profiles/tran-van-hiep-thcs-dong-thanh"))
    }

    @Test func aNamesakeTakesTheUnitSuffixAndATakenNameIsAConflict() throws {
        let site = try ScratchSite(), inbox = try Inbox()
        defer { site.remove(); inbox.remove() }
        // Another Lê Thị Lan, of another unit: le-thi-lan is taken, so the site's namesake rule names it.
        let namesake = try inbox.put("lan.md", Self.profile(name: "Lê Thị Lan", unit: "mn-hoa-hong"))
        #expect(try intake(site, [namesake], dryRun: true).entries.first?.verdict
            == .accepted(target: "content/profiles/le-thi-lan-mn-hoa-hong/index.md"))
        // With that name taken too (by someone else), it is held back.
        try site.write("content/profiles/le-thi-lan-mn-hoa-hong.md", Self.profile(name: "Đinh Văn Khoa", unit: "mn-hoa-hong"))
        let taken = try site.read("content/profiles/le-thi-lan-mn-hoa-hong.md")
        let report = try intake(site, [namesake])
        #expect(report.entries.first?.verdict == .conflict(.fileExists(path: "content/profiles/le-thi-lan/")))
        #expect(try site.read("content/profiles/le-thi-lan-mn-hoa-hong.md") == taken)
    }

    @Test func twoFilesOfOneExemplarInOneIntake() throws {
        let site = try ScratchSite(), inbox = try Inbox()
        defer { site.remove(); inbox.remove() }
        let first = try inbox.put("a.md", Self.profile(name: "Phạm Văn Tư"))
        let second = try inbox.put("b.md", Self.profile(name: "Phạm Văn Tư", body: "Bản gửi lại."))
        let report = try intake(site, [inbox.root])
        #expect(report.entries.map(\.verdict) == [.accepted(target: "content/profiles/pham-van-tu/index.md"),
                                                  .conflict(.sameInBatch(other: first.relativePath))])
        #expect(report.entries.map(\.source) == [first.relativePath, second.relativePath])
        #expect(try site.read("content/profiles/pham-van-tu/index.md").contains("Thầy dạy giỏi."))
    }

    @Test func eachProfileIsFiledInItsOwnFolderWithItsPhotoUnchanged() throws {
        let site = try ScratchSite(), inbox = try Inbox()
        defer { site.remove(); inbox.remove() }
        let picture = Data("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/></svg>".utf8)
        _ = try inbox.put("tu.svg", picture)
        let text = Self.profile(name: "Phạm Văn Tư", extra: "photo: tu.svg\n")
        let file = try inbox.put("tu.md", text)
        let report = try intake(site, [file])
        #expect(report.entries.first?.photo == "content/profiles/pham-van-tu/tu.svg")
        #expect(try Data(contentsOf: site.url("content/profiles/pham-van-tu/tu.svg")) == picture)
        #expect(try site.read("content/profiles/pham-van-tu/index.md") == text)
        let content = try SiteLoader(root: site.root).load()
        #expect(!content.diagnostics.hasErrors)
        #expect(content.profiles.first { $0.sourcePath == "content/profiles/pham-van-tu/index.md" }?.photo != nil)
    }

    @Test func twoSchoolsPhotosOfTheSameNameAreBothTakenIn() throws {
        let site = try ScratchSite(), first = try Inbox(), second = try Inbox()
        defer { site.remove(); first.remove(); second.remove() }
        let one = Data("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/></svg>".utf8)
        let two = Data("<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"1\"/></svg>".utf8)
        _ = try first.put("anh.svg", one)
        _ = try second.put("anh.svg", two)
        let a = try first.put("a.md", Self.profile(name: "Phạm Văn Tư", extra: "photo: anh.svg\n"))
        let b = try second.put("b.md", Self.profile(name: "Đinh Văn Khoa", unit: "mn-hoa-hong", extra: "photo: anh.svg\n"))
        let report = try intake(site, [a, b])
        #expect(report.accepted == 2)
        #expect(try Data(contentsOf: site.url("content/profiles/pham-van-tu/anh.svg")) == one)
        #expect(try Data(contentsOf: site.url("content/profiles/dinh-van-khoa/anh.svg")) == two)
        #expect(try site.read("content/profiles/dinh-van-khoa/index.md").contains("photo: anh.svg\n"))
        // Both are published, each with its own picture.
        var options = SiteBuilder.Options(siteRoot: site.root)
        options.output = site.url("public")
        _ = try SiteBuilder(options: options).build()
        #expect(site.exists("public/dien-hinh/pham-van-tu/index.html"))
        #expect(site.exists("public/dien-hinh/dinh-van-khoa/index.html"))
    }

    @Test func aDraftIsTakenInAndSaidToBeADraft() throws {
        let site = try ScratchSite(), inbox = try Inbox()
        defer { site.remove(); inbox.remove() }
        let file = try inbox.put("tu.md", Self.profile(name: "Phạm Văn Tư", extra: "draft: true\n"))
        let report = try intake(site, [file])
        #expect(report.entries.first?.verdict == .accepted(target: "content/profiles/pham-van-tu/index.md"))
        #expect(report.table().contains("là bản nháp (draft: true)"))
        // A draft with errors is sent back, and said to be a draft too.
        let broken = try inbox.put("loi.md", Self.profile(name: "Ngô Văn Lỗi", unit: "khong-co", extra: "draft: true\n"))
        let rejected = try intake(site, [broken])
        #expect(rejected.entries.first?.verdict == .rejected)
        #expect(rejected.table().contains("sửa rồi nhận lại; là bản nháp (draft: true)"))
    }

    @Test func aDryRunWritesNothing() throws {
        let site = try ScratchSite(), inbox = try Inbox()
        defer { site.remove(); inbox.remove() }
        _ = try inbox.put("tu.md", Self.profile(name: "Phạm Văn Tư"))
        _ = try inbox.put("loi.md", Self.profile(name: "Ngô Văn Lỗi", unit: "khong-co"))
        let before = try FileManager.default.contentsOfDirectory(atPath: site.url("content/profiles").path).sorted()
        let report = try intake(site, [inbox.root], dryRun: true)
        #expect(report.accepted == 1 && report.rejected == 1)
        #expect(report.table().contains("sẽ nhận"))
        #expect(report.table().contains("Chạy thử (--dry-run): chưa ghi tệp nào."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.url("content/profiles").path).sorted() == before)
    }

    @Test func theCommandLinePrintsTheTableAndExitsByOutcome() throws {
        let site = try ScratchSite(), inbox = try Inbox()
        defer { site.remove(); inbox.remove() }
        _ = try inbox.put("tu.md", Self.profile(name: "Phạm Văn Tư"))
        _ = try inbox.put("loi.md", Self.profile(name: "Ngô Văn Lỗi", unit: "khong-co"))
        let mixed = try runGuong(["intake", "--site", site.root.path, inbox.root.path])
        #expect(mixed.status == 1)
        #expect(mixed.out.contains("Tệp"))
        #expect(mixed.out.contains("Tổng: 1 nhận, 1 trả lại, 0 trùng."))
        #expect(mixed.out.contains("loi.md:5:7: lỗi: đơn vị \"khong-co\""))
        #expect(site.exists("content/profiles/pham-van-tu/index.md"))
        try FileManager.default.removeItem(at: inbox.root.appendingPathComponent("loi.md"))
        let good = try inbox.put("an.md", Self.profile(name: "Nguyễn Văn An"))
        let clean = try runGuong(["intake", "--site", site.root.path, good.path])
        #expect(clean.status == 0)
        let missing = try runGuong(["intake", "--site", site.root.path, inbox.root.appendingPathComponent("khong-co.md").path])
        #expect(missing.status == 2)
    }
}
