import Foundation
import Testing
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport

/// `guong report` on the sample site: its figures are the site's, and its exit status says whether every
/// quota it judges is met.
@Suite("guong report", .serialized)
struct ReportTests {
    static let today = SimpleDate(year: 2026, month: 1, day: 15)

    static func sampleModel() throws -> SiteModel {
        let content = try SiteLoader(root: Fixtures.packageRoot).load()
        return SiteModel(config: try #require(content.config), schema: try #require(content.schema), units: content.units,
                         pages: content.pages, profiles: content.profiles, includeDrafts: false)
    }

    /// The sample site built into a temporary folder, by path.
    static let builtSample: Result<[String: Data], Error> = Result {
        let temp = try SiteBuildFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let output = temp.appendingPathComponent("public")
        let run = try SiteBuildFixture.guong(["build", "--site", Fixtures.packageRoot.path, "--output", output.path])
        #expect(run.status == 0, "\(run.stderr)")
        return try SiteBuildFixture.tree(output)
    }

    static func page(_ path: String) throws -> String {
        String(decoding: try #require(try builtSample.get()[path]), as: UTF8.self)
    }

    @Test func yearlyCountsMatchTheYearPages() throws {
        let report = PlanReport(model: try Self.sampleModel(), today: Self.today)
        for year in 2021...2025 {
            let html = try Self.page("nam/\(year)/index.html")
            let quota = try #require(html.firstRange(of: #/<ul class="quota">(.*?)</ul>/#.dotMatchesNewlines()))
            let shown = html[quota].matches(of: #/<strong>(\d+)</strong>/#).map { Int($0.output.1)! }
            let counted = report.yearly.filter { $0.year == year }.map(\.count)
            #expect(shown == counted, "year \(year): page \(shown), report \(counted)")
        }
    }

    @Test func honoursMatchTheHonoursPage() throws {
        let report = PlanReport(model: try Self.sampleModel(), today: Self.today)
        let html = try Self.page("khen-thuong/index.html")
        let rows = html.matches(of: #/<time datetime="\d{4}-\d\d-\d\d">/#).count
        #expect(rows == report.honoursByForm.map(\.count).reduce(0, +))
        #expect(rows > 0)
        for form in report.honoursByForm where form.count > 0 { #expect(html.contains("<h3>\(form.label) <span")) }
    }

    @Test func unitsWithoutAnExemplarShowNoneOnTheUnitsPage() throws {
        let report = PlanReport(model: try Self.sampleModel(), today: Self.today)
        #expect(report.unitsWithout.map(\.id).sorted() == ["mn-xuan-thoi-dong", "th-tan-thoi-nhi", "thcs-ba-diem"])
        let html = try Self.page("don-vi/index.html")
        for unit in report.unitsWithout {
            let link = "href=\"\(unit.id)/\""
            #expect(html.contains(link), "no link \(link)")
        }
    }

    @Test func theSampleShowsWhatTheOfficeMustFollowUp() throws {
        let report = PlanReport(model: try Self.sampleModel(), today: Self.today)
        #expect(report.late.map(\.sourcePath) == ["content/profiles/2023/th-ba-diem.md"])
        #expect(report.honoursWithoutDecision.map(\.sourcePath) == ["content/profiles/2022/nguyen-thi-minh-thu.md"])
        #expect(report.stillAtFirstStage.contains { $0.sourcePath == "content/profiles/2021/huynh-thi-kim-loan.md" })
        #expect(report.modelsSpread == 3 && report.unitsReached == 5)
        #expect(!report.quotasMet)
        // A year not yet ended holds nobody "still at the first stage".
        let early = PlanReport(model: try Self.sampleModel(), today: SimpleDate(year: 2025, month: 6, day: 1))
        #expect(!early.stillAtFirstStage.contains { $0.detail.hasPrefix("2025") })
    }

    @Test func theExitStatusSaysWhetherTheQuotasAreMet() throws {
        let unmet = try SiteBuildFixture.guong(["report", "--site", Fixtures.packageRoot.path, "--today", "2026-01-15"])
        #expect(unmet.status == 1)
        #expect(unmet.stdout.contains("CHƯA ĐẠT"))

        let site = try ProgrammeTests.cycleSite()
        let path = site.url("content/registration.yaml")
        let yaml = try String(contentsOf: path, encoding: .utf8)
            .replacingOccurrences(of: "department_per_phase: 10", with: "department_per_phase: 0")
            .replacingOccurrences(of: "collective: 5", with: "collective: 0").replacingOccurrences(of: "individual: 5", with: "individual: 0")
        try Data(yaml.utf8).write(to: path)
        let met = try SiteBuildFixture.guong(["report", "--site", site.root.path, "--format", "json", "--from", "2022", "--to", "2023"])
        #expect(met.status == 0, "\(met.stdout)\(met.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(met.stdout.utf8)) as? [String: Any]
        #expect(json?["quotasMet"] as? Bool == true)
        #expect(json?["from"] as? Int == 2022)

        let broken = try SiteBuildFixture.guong(["report", "--site", Fixtures.errorSite.path])
        #expect(broken.status == 2)
        let outside = try SiteBuildFixture.guong(["report", "--site", Fixtures.packageRoot.path, "--from", "2019"])
        #expect(outside.status == 2)
    }

    @Test func theHTMLReportIsWrittenAndEscaped() throws {
        let temp = try SiteBuildFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let file = temp.appendingPathComponent("bao-cao.html")
        let run = try SiteBuildFixture.guong(["report", "--site", Fixtures.packageRoot.path, "--from", "2021", "--to", "2022",
                                              "--output", file.path])
        #expect(run.status == 1)
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.contains("<title>Báo cáo thực hiện Kế hoạch 49/KH-GDĐT</title>"))
        #expect(html.contains("@page { size: A4"))
        #expect(!html.contains("<script"))
    }
}
