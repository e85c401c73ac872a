import Foundation
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport
import Testing

/// Stage and honours are the department's to set: `guong intake` holds a school's file that claims them
/// as a conflict for the office to confirm, and says so in its table.
@Suite struct IntakeDepartmentKeysTests {
    func intake(_ site: ScratchSite, _ files: [URL]) throws -> IntakeReport {
        try Intake(options: Intake.Options(siteRoot: site.root)).run(files)
    }

    @Test func aStagePastTheFirstOrHonoursWaitForTheOffice() throws {
        let site = try ScratchSite(), inbox = try IntakeTests.Inbox()
        defer { site.remove(); inbox.remove() }
        try site.write("content/registration.yaml", try site.read("content/registration.yaml")
            + "\nhonour_forms: [Giấy khen, Bằng khen]\n")
        let first = try inbox.put("dau.md", IntakeTests.profile(name: "Phạm Văn Đầu", extra: "giai đoạn: Phát hiện\n"))
        let selected = try inbox.put("chon.md", IntakeTests.profile(name: "Phạm Văn Chọn", extra: "giai đoạn: Bình chọn\n"))
        let honoured = try inbox.put("khen.md", IntakeTests.profile(name: "Phạm Văn Khen", extra: """
            khen thưởng:
              - {hình thức: Giấy khen, cấp: UBND huyện, số quyết định: 12/QĐ-UBND, ngày: 2023-06-01}

            """))
        let report = try intake(site, [first, selected, honoured])
        #expect(report.entries.map(\.verdict) == [
            .accepted(target: "content/profiles/pham-van-dau/index.md"),
            .conflict(.departmentKeys(stage: "Bình chọn", honours: 0)),
            .conflict(.departmentKeys(stage: nil, honours: 1)),
        ])
        let table = report.table()
        #expect(table.contains("bước \"Bình chọn\""))
        #expect(table.contains("1 khen thưởng"))
        #expect(table.contains("Phòng quyết định"))
        #expect(!site.exists("content/profiles/pham-van-chon.md") && !site.exists("content/profiles/pham-van-khen.md"))
    }
}
