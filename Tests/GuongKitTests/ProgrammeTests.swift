import Foundation
import Testing
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport

/// The plan's cycle: stages, honours and spread read and checked, yearly deadlines, and `guong report`
/// agreeing with the pages the site shows.
@Suite("Running the plan: stages, honours, spread, deadlines, report")
struct ProgrammeTests {
    static let codesTested: Set<DiagnosticCode> = [
        .stageUnknown, .stageYear, .honourInvalid, .honourFormUnknown, .honourDate, .honourDecision,
        .spreadInvalid, .spreadUnitUnknown, .fieldNoCriteria,
    ]

    /// The basic site with the cycle of the sample's registration.yaml appended.
    static func cycleSite() throws -> TemporarySite {
        let site = try TemporarySite()
        let path = site.url("content/registration.yaml")
        var yaml = try String(contentsOf: path, encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "process: [Phát hiện, Bình chọn, Khen thưởng]\n", with: "")
            // As in the plan, field c has criteria for individuals only.
            .replacingOccurrences(of: "      collective: Có nhiều việc làm tốt.\n", with: "")
            .replacingOccurrences(of: "registration_deadline: 2022-01-20\n", with: "")
        yaml += """

            deadlines:
              every_year: 01-20
              2021: 2022-01-20
            process:
              - {id: phat-hien, name: Phát hiện}
              - {id: xay-dung-boi-duong, name: "Xây dựng, bồi dưỡng", aliases: [xây dựng]}
              - {id: binh-chon, name: Bình chọn}
              - {id: khen-thuong, name: Khen thưởng}
            selected_from: binh-chon
            honour_forms:
              - {id: giay-khen, name: Giấy khen}
              - {id: bang-khen, name: Bằng khen}

            """
        try Data(yaml.utf8).write(to: path)
        return site
    }

    @Test func theSampleSchemaCarriesThePlansCycle() throws {
        let content = try SiteLoader(root: Fixtures.packageRoot).load()
        let schema = try #require(content.schema)
        #expect(schema.process.map(\.id) == ["phat-hien", "xay-dung-boi-duong", "binh-chon", "gioi-thieu-nhan-rong",
                                             "bieu-duong-ton-vinh", "khen-thuong"])
        #expect(schema.selectedFrom == 2)
        #expect(schema.honourForms.map(\.name) == ["Biểu dương", "Giấy khen", "Bằng khen", "Danh hiệu"])
        #expect(schema.deadline(for: 2021) == SimpleDate("2022-01-20"))
        #expect(schema.deadline(for: 2024) == SimpleDate("2024-01-20"))
        #expect(schema.generalCriteria?.hasPrefix("Theo quy định tại Điều 24 Quyết định số 24/2008/QĐ-UBND") == true)
        // The plan gives field c criteria for individuals only, and d and đ one text for both kinds.
        #expect(schema.field(code: "c")?.criteria[.collective] == nil)
        #expect(schema.field(code: "d")?.criteria[.collective] == schema.field(code: "d")?.criteria[.individual])
        #expect(content.diagnostics.hasErrors == false)
    }

    @Test func stageHonoursAndSpreadAreRead() throws {
        let site = try Self.cycleSite()
        try site.write("content/profiles/an.md", ProfileText.make("""
            loại: cá nhân
            tên: Trần Văn An
            chức vụ: Giáo viên
            đơn vị: th-nhi-binh
            lĩnh vực: [a]
            năm: [2022, 2023]
            giai đoạn: {2022: xây dựng, 2023: bình chọn}
            khen thưởng:
              - {hình thức: giay khen, cấp: Ủy ban nhân dân huyện, số quyết định: 2150/QĐ-UBND, ngày: 2023-07-20}
              - {hình thức: Bằng khen, cấp: UBND Thành phố, ngày: 2023-09-01}
            nhân rộng:
              - mn-hoa-hong
              - {đơn vị: thcs-dong-thanh, năm: 2023, kết quả: Áp dụng cho 12 lớp}
            """))
        let content = try site.load()
        #expect(content.diagnostics.about("content/profiles/an.md").isEmpty)
        let profile = try #require(content.profiles.first { $0.name == "Trần Văn An" })
        #expect(profile.stage(in: 2022) == 1 && profile.stage(in: 2023) == 2)
        #expect(profile.honours.map(\.formID) == ["giay-khen", "bang-khen"])
        #expect(profile.honours.map(\.decision) == ["2150/QĐ-UBND", nil])
        #expect(profile.spread.map(\.unitID) == ["mn-hoa-hong", "thcs-dong-thanh"])
        #expect(profile.spread.last?.year == 2023)
        #expect(profile.newestDate == SimpleDate("2023-09-01"))
    }

    @Test func everyProblemIsReportedWithItsLine() throws {
        let site = try Self.cycleSite()
        try site.write("content/profiles/sai.md", ProfileText.make("""
            loại: cá nhân
            tên: Lê Văn Sai
            chức vụ: Giáo viên
            đơn vị: th-nhi-binh
            lĩnh vực: [a]
            năm: 2023
            stage: {2022: bình chọn}
            honours:
              - {form: Huân chương, issuer: Chủ tịch nước, date: 2023-01-01}
              - {form: Giấy khen, issuer: UBND huyện, decision: số 12, date: 2023-05-05}
              - {form: Giấy khen, issuer: UBND huyện, date: 2019-05-05}
              - {form: Giấy khen, date: 2023-05-05}
              - Giấy khen
            spread: [th-khong-co, {year: 2023}]
            """))
        try site.write("content/profiles/buoc.md", ProfileText.make("""
            loại: cá nhân
            tên: Lê Văn Bước
            chức vụ: Giáo viên
            đơn vị: th-nhi-binh
            lĩnh vực: [a]
            năm: 2023
            giai đoạn: binh chom
            """))
        try site.write("content/profiles/tap-the-c.md", ProfileText.make("""
            loại: tập thể
            đơn vị: th-nhi-binh
            lĩnh vực: [c]
            năm: 2023
            """))
        let diagnostics = try site.load().diagnostics
        let wrong = diagnostics.about("content/profiles/sai.md")
        #expect(wrong.map(\.code) == [.stageYear, .honourFormUnknown, .honourDecision, .honourDate, .honourInvalid,
                                      .honourInvalid, .spreadUnitUnknown, .spreadInvalid])
        #expect(wrong.map(\.location.line) == [8, 10, 11, 12, 13, 14, 15, 15])
        #expect(diagnostics.about("content/profiles/buoc.md").map(\.code) == [.stageUnknown])
        #expect(diagnostics.about("content/profiles/buoc.md").first?.suggestion == "Bình chọn")
        let fieldC = diagnostics.about("content/profiles/tap-the-c.md")
        #expect(fieldC.map(\.code) == [.fieldNoCriteria] && fieldC.first?.severity == .warning)
    }

    @Test("Decision numbers in the số/ký hiệu shape", arguments: [
        ("125/QĐ-GDĐT", true), ("1234/QĐ-UBND", true), ("24/2008/QĐ-UBND", true), ("45/QĐ-UBND.VX", true),
        ("QĐ-UBND", false), ("số 12", false), ("12", false), ("12/", false),
    ])
    func decisionNumbers(text: String, valid: Bool) {
        #expect(ProfileParser.isDecisionNumber(text) == valid)
    }

    @Test func lateIsJudgedByTheDeadlineOfTheFirstYear() throws {
        let site = try Self.cycleSite()
        try site.write("content/profiles/dung-han.md", ProfileText.individual(name: "Đúng Hạn", extra: "ngày đăng ký: 2023-01-19"))
        try site.write("content/profiles/tre-han.md", ProfileText.individual(name: "Trễ Hạn", extra: "ngày đăng ký: 2023-01-21"))
        let diagnostics = try site.load().diagnostics
        #expect(diagnostics.about("content/profiles/dung-han.md").isEmpty)
        #expect(diagnostics.about("content/profiles/tre-han.md").map(\.code) == [.registeredLate])
        #expect(diagnostics.about("content/profiles/tre-han.md").first?.message.contains("20/01/2023") == true)

        // The older single deadline still reads: every year is then judged against it.
        let old = try TemporarySite()
        try old.write("content/profiles/tre-han.md", ProfileText.individual(name: "Trễ Hạn", extra: "ngày đăng ký: 2023-01-19"))
        #expect(try old.load().diagnostics.about("content/profiles/tre-han.md").map(\.code) == [.registeredLate])
    }
}
