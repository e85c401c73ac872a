import Foundation
import Testing
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport

/// The plan's annex: the district's table per year, each unit's own form per year, and the CSV export,
/// all from `SiteModel.annex`.
@Suite("The registration annex: pages and export", .serialized)
struct AnnexTests {
    static func sampleModel() throws -> SiteModel { try ReportTests.sampleModel() }

    @Test func eachExemplarIsOncePerTableAndEveryYearHasItsTable() throws {
        let model = try Self.sampleModel()
        for year in model.years {
            let annex = model.annex(year: year)
            let rows = annex.tables.flatMap(\.rows)
            #expect(Set(rows.map(\.profile)).count == rows.count)
            #expect(rows.count == model.byYear[year]?.count)
            #expect(rows.first?.number == "01")
        }
        // Lê Quang Vinh (2021 and 2022) is in both years' tables, once each.
        #expect(model.annex(year: 2021).tables[1].rows.filter { $0.name == "Lê Quang Vinh" }.count == 1)
        #expect(model.annex(year: 2022).tables[1].rows.filter { $0.name == "Lê Quang Vinh" }.count == 1)
    }

    @Test func theDistrictTableHasAUnitColumnAndLeadsFromTheYears() throws {
        let index = try ReportTests.page("dang-ky/index.html")
        for year in 2021...2025 { #expect(index.contains("href=\"\(year)/\"")) }
        let html = try ReportTests.page("dang-ky/2022/index.html")
        #expect(html.contains("<th scope=\"col\">Đơn vị</th>"))
        #expect(html.contains("<td class=\"unit\">Trường THCS Đông Thạnh</td>"))
        #expect(html.contains("<td class=\"number\">01</td>"))
    }

    @Test func aUnitsAnnexIsAFormItCanFile() throws {
        let html = try ReportTests.page("don-vi/thcs-dong-thanh/dang-ky/2022/index.html")
        for text in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc", "Hóc Môn, ngày …… tháng …… năm 2022",
                     "Kèm theo Kế hoạch số 49/KH-GDĐT", "THỦ TRƯỞNG ĐƠN VỊ", "<td class=\"number\">01</td>", "Trường THCS Đông Thạnh"] {
            #expect(html.contains(text), "missing \(text)")
        }
        #expect(!html.contains("<td class=\"unit\">"))
        let unitPage = try ReportTests.page("don-vi/thcs-dong-thanh/index.html")
        #expect(unitPage.contains("href=\"dang-ky/2022/\""))
        #expect(!unitPage.contains("<table class=\"registration\">"))
        // A year without an exemplar of the unit has no form.
        #expect((try? ReportTests.builtSample.get()["don-vi/thcs-dong-thanh/dang-ky/2023/index.html"]) == nil)
    }

    @Test("CSV cells: quoting and formula injection", arguments: [
        ("Trường A", "Trường A"), ("a,b", "\"a,b\""), ("nói \"hay\"", "\"nói \"\"hay\"\"\""), ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
        ("+84 28", "'+84 28"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("hai\ndòng", "\"hai\ndòng\""),
    ])
    func csvCell(text: String, expected: String) {
        #expect(AnnexCSV.cell(text) == expected)
    }

    @Test func theExportedCSVIsTheUnitsAnnex() throws {
        let temp = try SiteBuildFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let file = temp.appendingPathComponent("bang.csv")
        let run = try SiteBuildFixture.guong(["export", "dang-ky", "--site", Fixtures.packageRoot.path, "--unit", "thcs-dong-thanh",
                                              "--year", "2022", "--format", "csv", "--output", file.path])
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = try Data(contentsOf: file)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("49/KH-GDĐT — Trường THCS Đông Thạnh — năm 2022\r\n"))
        let model = try Self.sampleModel()
        for row in model.annex(year: 2022, unit: "thcs-dong-thanh").tables.flatMap(\.rows) {
            #expect(text.contains("\(row.number),\(AnnexCSV.cell(row.name)),"), "missing row \(row.name)")
        }
        let unknown = try SiteBuildFixture.guong(["export", "dang-ky", "--site", Fixtures.packageRoot.path, "--unit", "khong-co", "--format", "csv",
                                                  "--output", file.path])
        #expect(unknown.status == 2)
    }
}
