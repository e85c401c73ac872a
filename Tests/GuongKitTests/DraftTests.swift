import Foundation
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport
import Testing

/// `guong new` writes drafts; a draft never blocks the site, and its blanks say "chưa điền".
@Suite struct DraftTests {
    /// A blank individual skeleton, as `guong new individual` writes it.
    func blankSkeleton(_ site: ScratchSite) throws -> String {
        try ProfileSkeleton(siteRoot: site.root).write(.init(kind: "individual"))
    }

    @Test func everyBlankSaysItIsNotFilledInAndNamesAKeyOfTheSkeleton() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let path = try blankSkeleton(site)
        let text = try site.read(path)
        #expect(text.contains("\ndraft: true\n"))
        let problems = try SiteLoader(root: site.root).load(only: [site.url(path)]).diagnostics
        let blanks = problems.filter { $0.code == .keyMissing }
        #expect(blanks.count == 5)  // name, position, unit, fields, year
        for problem in blanks {
            #expect(problem.message.hasPrefix("chưa điền "), "\(problem.message)")
            #expect(!problem.message.contains("không hợp lệ"))
            // The example it gives is a key the skeleton already has: filling it in never makes a duplicate.
            let example = try #require(problem.message.split(separator: "`").dropFirst().first)
            let key = example.prefix { $0 != ":" }
            #expect(text.contains("\n\(key):"), "hint names \(key), not in the skeleton")
        }
        // `check FILE` on a draft: its problems are errors, so the school sees them.
        #expect(problems.hasErrors)
        #expect(!problems.contains { $0.inDraft })
        let alone = try SiteLoader(root: site.root).load(only: [site.url(path)])
        let report = CheckReport(diagnostics: alone.diagnostics, profileCount: 1, drafts: alone.draftPaths).text()
        #expect(report.contains("\(path): nháp: còn lỗi (ở trên)"))
        #expect(!report.contains("không có lỗi"))
    }

    @Test func aSiteWithABlankDraftChecksAndBuildsWithoutIt() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let path = try blankSkeleton(site)
        let content = try SiteLoader(root: site.root).load()
        #expect(!content.diagnostics.hasErrors)
        let drafted = content.diagnostics.filter { $0.location.path == path }
        #expect(!drafted.isEmpty && drafted.allSatisfy { $0.inDraft && $0.severity == .warning })
        #expect(content.draftPaths.contains(path))
        let report = CheckReport(diagnostics: content.diagnostics, profileCount: content.profileFileCount, drafts: content.draftPaths)
        let text = report.text()
        let heading = try #require(text.range(of: "Hồ sơ nháp (draft: true)"))
        #expect(text.range(of: path + ":")!.lowerBound > heading.lowerBound)
        #expect(report.summary.hasPrefix("0 lỗi"))
        #expect(report.json().contains("\"draft\" : true"))

        var options = SiteBuilder.Options(siteRoot: site.root)
        options.output = site.url("public")
        let built = try SiteBuilder(options: options).build()
        #expect(built.drafts.contains(path))
        #expect(!site.exists("public/dien-hinh/ca-nhan-moi"))
        // Publishing drafts (`--drafts`) makes their problems errors again.
        options.includeDrafts = true
        #expect(throws: SiteBuilder.Failure.self) { try SiteBuilder(options: options).build() }
    }

    @Test func aFinishedDraftIsNamedAndNotPublished() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        var request = ProfileSkeleton.Request(kind: "individual")
        request.name = "Phan Thị Ngọc"
        request.unit = "thcs-dong-thanh"
        request.fields = ["a"]
        request.years = ["2023"]
        request.position = "Giáo viên Hóa học"
        let path = try ProfileSkeleton(siteRoot: site.root).write(request)
        try site.write(path, try site.read(path) + "- Giáo viên dạy giỏi cấp huyện.\n")
        let content = try SiteLoader(root: site.root).load()
        #expect(content.draftPaths.contains(path))
        let text = CheckReport(diagnostics: content.diagnostics, profileCount: content.profileFileCount, drafts: content.draftPaths).text()
        #expect(text.contains("\(path): nháp: không có lỗi"))
    }

    @Test func aDraftNeverTakesAPublishedProfilesPlace() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        // A draft of an exemplar already in the site, sorted before it: the published one stays, the draft is told.
        let published = try #require(try SiteLoader(root: site.root).load().profiles.first { !$0.draft })
        let source = try site.read(published.sourcePath)
        try site.write("content/profiles/0-nhap.md", source.replacingOccurrences(of: "---\n", with: "---\ndraft: true\n", options: [], range: source.startIndex..<source.index(source.startIndex, offsetBy: 4)))
        let content = try SiteLoader(root: site.root).load()
        #expect(!content.diagnostics.hasErrors)
        #expect(content.diagnostics.contains { $0.code == .profileDuplicate && $0.location.path == "content/profiles/0-nhap.md" && $0.inDraft })
        #expect(content.profiles.contains { $0.sourcePath == published.sourcePath && $0.slug == published.slug })
    }
}
