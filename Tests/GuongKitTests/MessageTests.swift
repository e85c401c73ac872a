import Foundation
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport
import Testing

/// Messages a school secretary can act on: Vietnamese, specific, and no trap in valid input.
@Suite struct MessageTests {
    /// One profile, its front matter given, checked alone against the basic site.
    func check(frontMatter: String) throws -> [Diagnostic] {
        let site = try ScratchSite()
        defer { site.remove() }
        try site.write("gui/ho-so.md", "---\n\(frontMatter)---\n\nGiới thiệu.\n\n## Thành tích nổi bật\n\n- Một thành tích.\n")
        return try SiteLoader(root: site.root).load(only: [site.url("gui/ho-so.md")]).diagnostics
    }

    static let base = "kind: individual\nposition: Giáo viên\nunit: th-nhi-binh\nyear: 2023\n"

    @Test func validYAMLWithATabAfterTheColonStaysAccepted() throws {
        #expect(try check(frontMatter: Self.base + "name:\tPhạm Văn Tab\nfields: [a]\n").isEmpty)
    }

    @Test func aListWithoutBracketsIsReadAsTheList() throws {
        #expect(try check(frontMatter: Self.base + "name: Phạm Văn Phẩy\nfields: a, đ\n").isEmpty)
        // A field's name holds commas: written whole, it is that field, not three.
        #expect(try check(frontMatter: Self.base + "name: Phạm Văn Phẩy\nfields: Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh\n").isEmpty)
        let site = try ScratchSite()
        defer { site.remove() }
        try site.write("gui/x.md", "---\n" + Self.base.replacingOccurrences(of: "year: 2023\n", with: "year: 2022, 2023\n")
            + "name: Phạm Văn Phẩy\nfields: a, đ\n---\n\n## Thành tích nổi bật\n\n- Một.\n")
        let profile = try #require(try SiteLoader(root: site.root).load(only: [site.url("gui/x.md")]).profiles.first)
        #expect(profile.fieldCodes == ["a", "đ"])
        #expect(profile.years == [2022, 2023])
    }

    @Test func curlyQuotesNeverReachThePage() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        try site.write("gui/x.md", "---\n" + Self.base + "name: “Trần Văn Ngoặc”\nfields: [‘a’]\n---\n\n## Thành tích nổi bật\n\n- Một.\n")
        let content = try SiteLoader(root: site.root).load(only: [site.url("gui/x.md")])
        #expect(content.diagnostics.map(\.code) == [.valueCurlyQuotes, .valueCurlyQuotes])
        #expect(!content.diagnostics.hasErrors)
        #expect(content.profiles.first?.name == "Trần Văn Ngoặc")
    }

    @Test func aUnitByItsNameWithoutTruongIsFound() throws {
        #expect(try check(frontMatter: Self.base.replacingOccurrences(of: "th-nhi-binh", with: "Mầm non Hoa Hồng")
            + "name: Lê Văn Trường\nfields: [a]\n").isEmpty)
        let wrong = try check(frontMatter: Self.base.replacingOccurrences(of: "th-nhi-binh", with: "Mầm non Hoa Hôn")
            + "name: Lê Văn Trường\nfields: [a]\n")
        #expect(wrong.first?.suggestion == "mn-hoa-hong")
        // Schools never see units.yaml: the message names the department's list.
        #expect(wrong.first?.message.contains("danh sách đơn vị của Phòng") == true)
        #expect(wrong.first?.message.contains("units.yaml") == false)
        // The office's JSON names the file.
        #expect(CheckReport(diagnostics: wrong, profileCount: 1).json().contains("\"list\" : \"content/units.yaml\""))
    }

    @Test func noEnglishFromLibyaml() throws {
        let problems = try check(frontMatter: Self.base + "name: \"Phạm Văn Sai\nfields: [a]\n")
        let message = try #require(problems.first { $0.code == .yamlSyntax }?.message)
        #expect(message.contains("dấu ngoặc kép được mở mà không đóng"))
        #expect(!message.contains("while") && !message.contains("scalar"))
    }

    @Test func mistypedCommandsAndOptionsAreAnsweredInVietnameseWithStatus2() throws {
        let command = try runGuong(["chek"])
        #expect(command.status == 2)
        #expect(command.err.contains("lỗi: không có lệnh \"chek\" — có phải \"check\"?"), "\(command.err)")
        #expect(!command.err.contains("Error") && !command.err.contains("Usage"))
        let option = try runGuong(["check", "--formt", "json"])
        #expect(option.status == 2)
        #expect(option.err.contains("không có tùy chọn \"--formt\""), "\(option.err)")
        #expect(option.err.contains("--format"))
        let value = try runGuong(["check", "--format", "xml"])
        #expect(value.status == 2)
        #expect(value.err.contains("giá trị \"xml\" không hợp lệ"), "\(value.err)")
        #expect(!value.err.contains("Please"))
        let missing = try runGuong(["new"])
        #expect(missing.status == 2)
        #expect(missing.err.contains("thiếu đối số"), "\(missing.err)")
        // Help stays as it was.
        #expect(try runGuong(["--help"]).status == 0)
    }

    @Test func systemErrorsAreSaidInVietnamese() throws {
        #expect(SystemErrorText.vietnamese(errno: EACCES) == "không có quyền đọc hoặc ghi")
        #expect(SystemErrorText.vietnamese(errno: ENOSPC) == "đĩa đã đầy")
        // Foundation's own error for a write into a folder that is not there.
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("guong-khong-co-\(UUID().uuidString)/x.md")
        do {
            try Data("x".utf8).write(to: missing, options: .withoutOverwriting)
            Issue.record("the write should have failed")
        } catch {
            #expect(SystemErrorText.vietnamese(error) == "không có tệp hoặc thư mục này")
        }
    }
}
