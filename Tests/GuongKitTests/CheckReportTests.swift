import Foundation
import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

@Suite("The check's report, as text and as JSON")
struct CheckReportTests {
    private let unknownUnit = Diagnostic.unitUnknown(
        SourceLocation(path: "content/profiles/x.md", line: 7, column: 9), value: "thcs-dong-thnah", suggestion: "thcs-dong-thanh")
    private let lateRegistration = Diagnostic.registeredLate(
        SourceLocation(path: "content/profiles/a.md", line: 8, column: 13),
        date: SimpleDate(year: 2022, month: 3, day: 1), deadline: SimpleDate(year: 2022, month: 1, day: 20))
    private let tooLarge = Diagnostic.fileTooLarge(SourceLocation(path: "content/profiles/x.md"), bytes: 600 * 1024, limit: 512 * 1024)

    @Test func anErrorLineReadsLikeACompilersWithTheSuggestionAndCode() {
        #expect(CheckReport.line(unknownUnit)
            == "content/profiles/x.md:7:9: lỗi: đơn vị \"thcs-dong-thnah\" không có trong danh sách đơn vị của Phòng — có phải \"thcs-dong-thanh\"? [unit.unknown]")
    }

    @Test func aSuggestionReplacesTheMessagesFinalFullStop() {
        let kind = Diagnostic.kindUnknown(SourceLocation(path: "p.md", line: 2, column: 7), value: "ca nhn", suggestion: "Cá nhân")
        #expect(CheckReport.line(kind).hasSuffix("(individual) — có phải \"Cá nhân\"? [kind.unknown]"))
    }

    @Test func aWarningLine() {
        #expect(CheckReport.line(lateRegistration)
            == "content/profiles/a.md:8:13: cảnh báo: ngày đăng ký 01/03/2022 sau hạn 20/01/2022 của kế hoạch. [registered.late]")
    }

    @Test func aProblemWithTheWholeFileHasNoLineOrColumn() {
        #expect(CheckReport.line(tooLarge).hasPrefix("content/profiles/x.md: lỗi: tệp dài 600 KB, vượt giới hạn 512 KB"))
        let lineOnly = Diagnostic(.yamlSyntax, at: SourceLocation(path: "p.md", line: 4), "sai.")
        #expect(CheckReport.line(lineOnly) == "p.md:4: lỗi: sai. [yaml.syntax]")
    }

    @Test func theSummaryCountsErrorsWarningsAndProfiles() {
        let report = CheckReport(diagnostics: [unknownUnit, tooLarge, lateRegistration], profileCount: 41)
        #expect(report.summary == "2 lỗi, 1 cảnh báo trong 41 hồ sơ")
        #expect(report.hasErrors)
        #expect(CheckReport(diagnostics: [lateRegistration], profileCount: 1).hasErrors == false)
    }

    @Test func aCleanReportIsJustTheSummary() {
        #expect(CheckReport(diagnostics: [], profileCount: 5).text() == "0 lỗi, 0 cảnh báo trong 5 hồ sơ\n")
    }

    @Test func linesAreSortedByFileLineAndColumnThenTheSummary() {
        let later = Diagnostic.htmlDropped(SourceLocation(path: "content/profiles/x.md", line: 10, column: 32))
        let earlier = Diagnostic.htmlDropped(SourceLocation(path: "content/profiles/x.md", line: 10, column: 16))
        let report = CheckReport(diagnostics: [later, unknownUnit, earlier, lateRegistration, tooLarge], profileCount: 2)
        let lines = report.text().split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines.map { $0.prefix { $0 != " " } } == [
            "content/profiles/a.md:8:13:", "content/profiles/x.md:", "content/profiles/x.md:7:9:",
            "content/profiles/x.md:10:16:", "content/profiles/x.md:10:32:", "2",
        ])
        #expect(lines.last == "2 lỗi, 3 cảnh báo trong 2 hồ sơ")
        #expect(report.text().hasSuffix("\n"))
    }

    @Test func theOrderDoesNotDependOnTheInputOrder() {
        let all = [unknownUnit, lateRegistration, tooLarge,
                   Diagnostic.keyUnknown(SourceLocation(path: "content/profiles/x.md", line: 7, column: 9), key: "b", suggestion: nil)]
        let forward = CheckReport(diagnostics: all, profileCount: 2)
        let backward = CheckReport(diagnostics: all.reversed(), profileCount: 2)
        #expect(forward.text() == backward.text())
        #expect(forward.json() == backward.json())
    }

    private func parse(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func jsonHasEveryDiagnosticAndTheSummary() throws {
        let report = CheckReport(diagnostics: [lateRegistration, unknownUnit, tooLarge], profileCount: 41)
        let document = try parse(report.json())
        #expect(Set(document.keys) == ["diagnostics", "summary"])

        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 2)
        #expect(summary["warnings"] as? Int == 1)
        #expect(summary["profiles"] as? Int == 41)

        let entries = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(entries.count == 3)
        let unit = try #require(entries.first { $0["code"] as? String == "unit.unknown" })
        #expect(unit["file"] as? String == "content/profiles/x.md")
        #expect(unit["line"] as? Int == 7)
        #expect(unit["column"] as? Int == 9)
        #expect(unit["severity"] as? String == "error")
        #expect(unit["message"] as? String == "đơn vị \"thcs-dong-thnah\" không có trong danh sách đơn vị của Phòng")
        #expect(unit["suggestion"] as? String == "thcs-dong-thanh")

        let late = try #require(entries.first { $0["code"] as? String == "registered.late" })
        #expect(late["severity"] as? String == "warning")
        // The README: `suggestion` is present only when there is a near match.
        #expect(late["suggestion"] == nil)
        #expect(Set(late.keys) == ["file", "line", "column", "severity", "code", "message"])

        let whole = try #require(entries.first { $0["code"] as? String == "file.too-large" })
        #expect(whole["line"] as? Int == 0)
        #expect(whole["column"] as? Int == 0)
    }

    @Test func jsonListsDiagnosticsInTheTextsOrder() throws {
        let report = CheckReport(diagnostics: [unknownUnit, lateRegistration, tooLarge], profileCount: 2)
        let entries = try #require(try parse(report.json())["diagnostics"] as? [[String: Any]])
        #expect(entries.map { "\($0["file"]!):\($0["line"]!)" } == ["content/profiles/a.md:8", "content/profiles/x.md:0", "content/profiles/x.md:7"])
    }

    @Test func jsonOfACleanCheck() throws {
        let document = try parse(CheckReport(diagnostics: [], profileCount: 5).json())
        #expect((document["diagnostics"] as? [Any])?.isEmpty == true)
        #expect((document["summary"] as? [String: Any])?["profiles"] as? Int == 5)
    }

    @Test func jsonKeepsVietnameseAndSlashesReadable() {
        let json = CheckReport(diagnostics: [unknownUnit], profileCount: 1).json()
        #expect(json.contains("content/profiles/x.md"))
        #expect(json.contains("đơn vị"))
    }

    @Test func aReportFromTheFixtureSites() throws {
        let basic = try Fixtures.loadBasicSite()
        #expect(CheckReport(diagnostics: basic.diagnostics, profileCount: basic.profileFileCount).text() == "0 lỗi, 0 cảnh báo trong 5 hồ sơ\n")
    }
}
