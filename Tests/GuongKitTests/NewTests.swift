import Foundation
@testable import GuongKit
import Testing
@testable import GuongRender
import GuongTestSupport

/// `guong new`: the skeleton a school fills in.
@Suite struct NewTests {
    /// The check of one file against the site, as `guong check FILE` runs it.
    func check(_ site: ScratchSite, _ relative: String) throws -> [Diagnostic] {
        try SiteLoader(root: site.root).load(only: [site.url(relative)]).diagnostics
    }

    @Test func aFilledSkeletonPassesTheCheck() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        var request = ProfileSkeleton.Request(kind: "individual")
        request.name = "Võ  Thị Hồng"
        request.unit = "thcs-dong-thanh"
        request.fields = ["a", "CNTT"]
        request.years = ["2023"]
        request.position = "Giáo viên Tin học"
        let path = try ProfileSkeleton(siteRoot: site.root).write(request)
        #expect(path == "content/profiles/vo-thi-hong.md")
        let text = try site.read(path)
        for key in ["kind: individual", "name: \"Võ Thị Hồng\"", "position: \"Giáo viên Tin học\"", "unit: thcs-dong-thanh",
                    "fields: [a, đ]", "year: 2023", "registered:", "photo:", "draft: true", "slug:", "## Thành tích nổi bật"] {
            #expect(text.contains(key), "missing \(key)")
        }
        #expect(text.contains("# Đơn vị: mã trong danh sách đơn vị của Phòng — ở đây là Trường THCS Đông Thạnh."))
        #expect(text.contains("#   đ = "))
        // Unfilled, the achievements are missing; filled, it passes.
        #expect(try check(site, path).map(\.code) == [.achievementsEmpty])
        try site.write(path, text + "- Giáo viên dạy giỏi cấp huyện năm học 2022–2023.\n")
        #expect(try check(site, path).isEmpty)
        // And the whole site still builds with it.
        #expect(!(try SiteLoader(root: site.root).load().diagnostics.hasErrors))
    }

    @Test func aBlankSkeletonFailsUntilEveryBlankIsFilled() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let path = try ProfileSkeleton(siteRoot: site.root).write(.init(kind: "cá nhân"))
        #expect(path == "content/profiles/ca-nhan-moi.md")
        let codes = Set(try check(site, path).map(\.code))
        #expect(codes == [.keyMissing, .achievementsEmpty])
        let filled = try site.read(path)
            .replacingOccurrences(of: "\nname:\n", with: "\nname: Đỗ Văn Bình\n")
            .replacingOccurrences(of: "\nposition:\n", with: "\nposition: Nhân viên thư viện\n")
            .replacingOccurrences(of: "\nunit:\n", with: "\nunit: th-nhi-binh\n")
            .replacingOccurrences(of: "\nfields:\n", with: "\nfields: [c]\n")
            .replacingOccurrences(of: "\nyear:\n", with: "\nyear: 2024\n")
            + "- Người tốt, việc tốt năm 2024.\n"
        try site.write(path, filled)
        #expect(try check(site, path).isEmpty)
    }

    @Test func aCollectiveIsNamedAfterItsUnit() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        var request = ProfileSkeleton.Request(kind: "collective")
        request.unit = "Trường Tiểu học Nhị Bình"
        request.fields = ["b"]
        request.years = ["2022,2023"].flatMap { $0.split(separator: ",").map(String.init) }
        let path = try ProfileSkeleton(siteRoot: site.root).write(request)
        #expect(path == "content/profiles/truong-tieu-hoc-nhi-binh.md")
        let text = try site.read(path)
        #expect(text.contains("unit: th-nhi-binh"))
        #expect(text.contains("year: [2022, 2023]"))
        #expect(!text.contains("position:"))
        try site.write(path, text + "- Tập thể lao động xuất sắc.\n")
        #expect(try check(site, path).isEmpty)
    }

    @Test func itNeverOverwrites() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        var request = ProfileSkeleton.Request(kind: "individual")
        request.name = "Lê Thị Lan"
        let before = try site.read("content/profiles/le-thi-lan.md")
        #expect {
            try ProfileSkeleton(siteRoot: site.root).write(request)
        } throws: { error in
            guard case .exists(let path) = error as? ProfileSkeleton.Failure else { return false }
            return path == "content/profiles/le-thi-lan.md"
        }
        #expect(try site.read("content/profiles/le-thi-lan.md") == before)
    }

    @Test func unknownValuesAreRefusedWithTheCheckSuggestions() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        var request = ProfileSkeleton.Request(kind: "collective")
        request.unit = "thcs-dong-thnah"
        request.fields = ["cntt", "zz"]
        request.years = ["2031"]
        request.position = "Hiệu trưởng"
        var problems: [Diagnostic] = []
        let before = try FileManager.default.contentsOfDirectory(atPath: site.url("content/profiles").path).sorted()
        do {
            _ = try ProfileSkeleton(siteRoot: site.root).write(request)
        } catch {
            if case .invalid(let found) = error { problems = found }
        }
        let unit = try #require(problems.first { $0.code == .unitUnknown })
        #expect(unit.location.path == "--unit")
        #expect(unit.suggestion == "thcs-dong-thanh")
        #expect(CheckReport.line(unit) == "--unit: lỗi: đơn vị \"thcs-dong-thnah\" không có trong danh sách đơn vị của Phòng — có phải \"thcs-dong-thanh\"? [unit.unknown]")
        #expect(problems.contains { $0.code == .fieldUnknown && $0.message.contains("\"zz\"") })
        #expect(problems.contains { $0.code == .yearOutsidePhase && $0.location.path == "--year" })
        #expect(problems.contains { $0.location.path == "--position" })
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.url("content/profiles").path).sorted() == before)
    }

    @Test func theCommandLineReportsAndExits() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let refused = try runGuong(["new", "individual", "--site", site.root.path, "--name", "An", "--unit", "thcs-dong-thnah"])
        #expect(refused.status == 1)
        #expect(refused.err.contains("--unit: lỗi: đơn vị \"thcs-dong-thnah\" không có trong danh sách đơn vị của Phòng — có phải \"thcs-dong-thanh\"?"))
        let made = try runGuong(["new", "individual", "--site", site.root.path, "--name", "Nguyễn Văn An", "--field", "a,b", "--year", "2022"])
        #expect(made.status == 0)
        #expect(made.out.contains("nguyen-van-an.md"))
        #expect(site.exists("content/profiles/nguyen-van-an.md"))
        let again = try runGuong(["new", "individual", "--site", site.root.path, "--name", "Nguyễn Văn An"])
        #expect(again.status == 2)
        #expect(again.err.contains("không ghi đè"))
    }
}
