import Foundation
@testable import GuongKit
import Testing
@testable import GuongRender
import GuongTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `guong serve` end to end: the built binary on a free port, against a copy of the basic site.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct ServeTests {
    @Test func servesTheSiteUnderItsBasePathWithTheReloadScript() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let server = try ServeProcess(site: site.root)
        defer { server.stop() }

        #expect(server.basePath == "/dien-hinh/")
        let root = try server.get("/")
        #expect(root.status == 302)
        #expect(root.headers["location"] == "/dien-hinh/")
        let home = try server.get("/dien-hinh/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.body.contains("Điển hình tiên tiến — bộ thử"))
        let script = try #require(home.body.range(of: "<script src=\"/__guong/live.js\" defer></script>"))
        #expect(home.body[script.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines) == "</body>\n</html>")
        let slashless = try server.get("/dien-hinh/dien-hinh/le-thi-lan")
        #expect(slashless.status == 302)
        #expect(slashless.headers["location"] == "/dien-hinh/dien-hinh/le-thi-lan/")
        let profile = try server.get("/dien-hinh/dien-hinh/le-thi-lan/")
        #expect(profile.status == 200)
        #expect(profile.body.contains("Chị Lan số hóa toàn bộ hồ sơ của trường."))
        #expect(try server.get("/dien-hinh/dien-hinh/nguyen-thi-minh-thu/anh.svg").headers["content-type"] == "image/svg+xml")
        #expect(try server.get("/dien-hinh/assets/style.css").status == 200)
        #expect(try server.get("/dien-hinh/du-lieu/dien-hinh.json").headers["content-type"] == "application/json")
        let missing = try server.get("/dien-hinh/khong-co/")
        #expect(missing.status == 404)
        #expect(missing.body.contains("<script src=\"/__guong/live.js\""))
        #expect(try server.get("/khac/").status == 404)
        // Drafts stay out unless asked for.
        #expect(try server.get("/dien-hinh/dien-hinh/truong-mam-non-hoa-hong/").status == 404)
        let live = try server.get("/__guong/live.js")
        #expect(live.headers["content-type"] == "text/javascript; charset=utf-8")
        #expect(live.body.contains("new EventSource(\"/__guong/events\")"))
        #expect(server.stdout.contains("Đã dựng"))
        #expect(server.stop() == 0)
        #expect(server.stdout.contains("Đã dừng."))
    }

    @Test func anEditedProfileIsServedAndOpenPagesAreToldToReload() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let server = try ServeProcess(site: site.root)
        defer { server.stop() }
        let events = try EventStream(port: server.port)
        let first = try #require(events.wait { _ in true })
        #expect(first.hasSite && first.problems.isEmpty)

        let path = "content/profiles/le-thi-lan.md"
        try site.write(path, try site.read(path).replacingOccurrences(of: "Chị Lan số hóa", with: "Chị Lan đã số hóa"))
        // The page showing the profile is told first, the listings it appears on after.
        let reload = try #require(events.wait { $0.changed?.contains("/dien-hinh/dien-hinh/le-thi-lan/") == true },
                                  "no reload event for the edited page")
        #expect(reload.problems.isEmpty)
        #expect(reload.previous == first.version)
        #expect(try server.get("/dien-hinh/dien-hinh/le-thi-lan/").body.contains("Chị Lan đã số hóa"))
        let listing = try #require(events.wait { $0.changed?.contains("/dien-hinh/don-vi/th-nhi-binh/") == true },
                                   "no reload event for the unit's page")
        #expect(!(listing.changed ?? []).contains("/dien-hinh/dien-hinh/nguyen-thi-minh-thu/"))
        #expect(try server.get("/dien-hinh/don-vi/th-nhi-binh/").body.contains("Chị Lan đã số hóa"))

        // A new name moves the page; the old address is gone.
        let seen = events.states.count
        try site.write(path, try site.read(path).replacingOccurrences(of: "name: Lê Thị Lan", with: "name: Lê Thị Ngọc Lan"))
        #expect(events.wait(after: seen) { $0.changed?.contains("/dien-hinh/dien-hinh/le-thi-ngoc-lan/") == true } != nil)
        #expect(try server.get("/dien-hinh/dien-hinh/le-thi-ngoc-lan/").status == 200)
        // The old address goes with the rest of the change, and pages open on it are told.
        #expect(events.wait(after: seen) { $0.changed?.contains("/dien-hinh/dien-hinh/le-thi-lan/") == true } != nil)
        #expect(try server.get("/dien-hinh/dien-hinh/le-thi-lan/").status == 404)
        #expect(server.stop(signal: SIGTERM) == 0)
    }

    @Test func aProfileInANewFolderAppears() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let server = try ServeProcess(site: site.root)
        defer { server.stop() }
        let events = try EventStream(port: server.port)
        let first = try #require(events.wait { _ in true })
        try FileManager.default.createDirectory(at: site.url("content/profiles/2025/truong-moi"), withIntermediateDirectories: true)
        try site.write("content/profiles/2025/truong-moi/pham-van-tu.md", IntakeTests.profile(name: "Phạm Văn Tư"))
        #expect(events.wait { $0.version != first.version && $0.changed?.contains("/dien-hinh/dien-hinh/pham-van-tu/") != false } != nil)
        #expect(try server.get("/dien-hinh/dien-hinh/pham-van-tu/").status == 200)
        // Removing the folder removes the page.
        try FileManager.default.removeItem(at: site.url("content/profiles/2025"))
        #expect(eventually { (try? server.get("/dien-hinh/dien-hinh/pham-van-tu/").status) == 404 })
    }

    @Test func aBrokenEditKeepsTheLastGoodSiteAndShowsTheProblemsUntilFixed() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let server = try ServeProcess(site: site.root)
        defer { server.stop() }
        let events = try EventStream(port: server.port)
        let first = try #require(events.wait { _ in true })

        let path = "content/profiles/le-thi-lan.md"
        let good = try site.read(path)
        try site.write(path, good.replacingOccurrences(of: "unit: th-nhi-binh", with: "unit: th-nhi-bihn")
            .replacingOccurrences(of: "Chị Lan số hóa", with: "Chị Lan đã số hóa"))
        let broken = try #require(events.wait { !$0.problems.isEmpty }, "no problems after breaking the file")
        #expect(broken.version == first.version)
        let line = try #require(broken.problems.first)
        #expect(line.hasSuffix("content/profiles/le-thi-lan.md:5:7: lỗi: đơn vị \"th-nhi-bihn\" không có trong danh sách đơn vị của Phòng — có phải \"th-nhi-binh\"? [unit.unknown]"))
        // The last good page is still served.
        let page = try server.get("/dien-hinh/dien-hinh/le-thi-lan/")
        #expect(page.status == 200)
        #expect(page.body.contains("Chị Lan số hóa"))
        #expect(server.stdout.contains("le-thi-lan.md:5:7: lỗi"))
        // A page opened now gets the problems at once.
        let late = try EventStream(port: server.port)
        #expect(late.wait { !$0.problems.isEmpty } != nil)

        try site.write(path, good.replacingOccurrences(of: "Chị Lan số hóa", with: "Chị Lan đã số hóa"))
        let fixed = try #require(events.wait { $0.problems.isEmpty && $0.version != first.version }, "the problems did not clear")
        #expect(fixed.hasSite)
        #expect(try server.get("/dien-hinh/dien-hinh/le-thi-lan/").body.contains("Chị Lan đã số hóa"))
    }

    @Test func aSiteThatStartsBrokenIsServedOnceFixed() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let path = "content/profiles/le-thi-lan.md"
        let good = try site.read(path)
        try site.write(path, good.replacingOccurrences(of: "year: 2024", with: "year: 2030"))
        let server = try ServeProcess(site: site.root, arguments: ["--drafts"])
        defer { server.stop() }
        let waiting = try server.get("/dien-hinh/")
        #expect(waiting.status == 503)
        #expect(waiting.body.contains("chưa dựng được trang"))
        let events = try EventStream(port: server.port)
        let first = try #require(events.wait { _ in true })
        #expect(!first.hasSite)
        #expect(first.problems.first?.contains("[year.outside-phase]") == true)
        try site.write(path, good)
        #expect(events.wait { $0.hasSite && $0.problems.isEmpty } != nil)
        #expect(try server.get("/dien-hinh/").status == 200)
        // --drafts serves drafts.
        #expect(try server.get("/dien-hinh/dien-hinh/truong-mam-non-hoa-hong/").status == 200)
    }

    @Test func aTakenPortIsRefusedInVietnamese() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let first = try ServeProcess(site: site.root)
        defer { first.stop() }
        let second = try runGuong(["serve", "--site", site.root.path, "--port", String(first.port)])
        #expect(second.status == 2)
        #expect(second.err.contains("cổng \(first.port) trên 127.0.0.1 đang được chương trình khác dùng"))
    }

    @Test func notASiteIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guong-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runGuong(["serve", "--site", folder.path, "--port", "0"])
        #expect(result.status == 2)
        #expect(result.err.contains("không phải thư mục trang"))
    }

    @Test func buildOutputHasNoReloadScript() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let report = try SiteBuilder(options: .init(siteRoot: site.root)).build()
        let enumerator = try #require(FileManager.default.enumerator(at: report.output, includingPropertiesForKeys: nil))
        var pages = 0
        for case let url as URL in enumerator where url.pathExtension == "html" {
            pages += 1
            #expect(!(try String(contentsOf: url, encoding: .utf8)).contains("__guong"))
        }
        #expect(pages > 10)
    }
}
