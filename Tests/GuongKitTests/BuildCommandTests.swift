import Foundation
import Testing
import GuongKit

/// `guong build` end to end: the real binary on a copy of the basic fixture site in a temporary folder.
@Suite("guong build, end to end")
struct BuildCommandTests {
    /// Builds `site` into `output`, expecting success.
    @discardableResult
    func build(_ site: URL, into output: URL, _ extra: [String] = [], environment: [String: String] = [:]) throws -> [String: Data] {
        let run = try SiteBuildFixture.guong(["build", "--site", site.path, "--output", output.path] + extra, environment: environment)
        try #require(run.status == 0, "guong build exited \(run.status): \(run.stderr)")
        return try SiteBuildFixture.tree(output)
    }

    func text(_ files: [String: Data], _ path: String) throws -> String {
        String(decoding: try #require(files[path], "no \(path) in the output"), as: UTF8.self)
    }

    /// The hidden folders a build leaves beside its output while it runs.
    func leftovers(beside output: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
            .filter { $0.contains(".guong-new") || $0.contains(".guong-old") }
    }

    @Test("writes every URL family of the site, and nothing of content/ but photos")
    func pageSet() throws {
        let (temp, site) = try SiteBuildFixture.copyBasicSite()
        defer { try? FileManager.default.removeItem(at: temp) }
        let files = try build(site, into: temp.appendingPathComponent("public"))
        let expected = [
            "index.html",
            "dien-hinh/nguyen-thi-minh-thu/index.html", "dien-hinh/tran-van-hiep/index.html",
            "dien-hinh/le-thi-lan/index.html", "dien-hinh/truong-thcs-dong-thanh/index.html",
            "dien-hinh/nguyen-thi-minh-thu/anh.svg",
            "linh-vuc/index.html",
            "linh-vuc/giao-duc-dao-tao/index.html", "linh-vuc/hoc-tap-lam-theo-bac/index.html",
            "linh-vuc/nguoi-tot-viec-tot/index.html", "linh-vuc/cai-cach-hanh-chinh/index.html",
            "linh-vuc/cong-nghe-thong-tin/index.html",
            "nam/index.html", "nam/2021/index.html", "nam/2022/index.html", "nam/2023/index.html",
            "nam/2024/index.html", "nam/2025/index.html",
            "tap-the/index.html", "ca-nhan/index.html",
            "don-vi/index.html", "don-vi/thcs-dong-thanh/index.html", "don-vi/thcs-dong-thanh/trang/2/index.html",
            "don-vi/th-nhi-binh/index.html", "don-vi/mn-hoa-hong/index.html",
            "dang-ky/index.html", "tim-kiem/index.html", "gioi-thieu/index.html",
            "feed.xml", "sitemap.xml", "robots.txt", "du-lieu/dien-hinh.json", "404.html",
            "assets/style.css", ".guong-output",
        ]
        for path in expected {
            #expect(files[path] != nil, "missing \(path)")
        }
        // Three individuals at two a page: the third joins page 1 rather than stand alone on a page 2.
        #expect(files["ca-nhan/trang/2/index.html"] == nil)
        // The guide's blank templates are the only Markdown: made by guong new's skeleton, not copied from content/.
        #expect(files.keys.filter { $0.hasSuffix(".md") || $0.hasSuffix(".yaml") }.sorted() == ["huong-dan/mau-ca-nhan.md", "huong-dan/mau-tap-the.md"])
        // Every HTML page is in the sitemap, except the not-found page.
        let sitemap = try text(files, "sitemap.xml")
        for path in files.keys where path.hasSuffix("index.html") {
            let url = "https://example.edu.vn/dien-hinh/" + path.dropLast("index.html".count)
            #expect(sitemap.contains("<loc>\(url)</loc>"), "\(url) is not in the sitemap")
        }
        #expect(!sitemap.contains("404.html"))
    }

    @Test("links every page relative to itself, under the base URL's path, and full URLs in the sitemap and feed")
    func basePath() throws {
        let (temp, site) = try SiteBuildFixture.copyBasicSite()
        defer { try? FileManager.default.removeItem(at: temp) }
        let files = try build(site, into: temp.appendingPathComponent("out"), ["--base-url", "https://x.example/a/b/"])
        let linkAttribute = try Regex(#"\s(href|src|action|srcset|poster)="([^"]*)""#)
        let shareURL = try Regex(#"property="og:(?:url|image)" content="([^"]*)""#)
        var checked = 0
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for match in html.matches(of: linkAttribute) {
                let raw = String(match.output[2].substring ?? "")
                let values = match.output[1].substring == "srcset"
                    ? raw.split(separator: ",").compactMap { $0.split(separator: " ").first.map(String.init) } : [raw]
                // Relative to the page (RelativeLinks), but on the 404 page, which is served at any path.
                let page = try #require(URL(string: "https://x.example/a/b/" + path))
                for value in values {
                    if value.isEmpty || value.hasPrefix("#") || value.hasPrefix("mailto:") || value.hasPrefix("tel:") { continue }
                    if let host = URL(string: value)?.host, host != "x.example" { continue }  // external
                    checked += 1
                    if path == "404.html" {
                        #expect(value.hasPrefix("/a/b/"), "\(path): \(value)")
                    } else {
                        #expect(!value.hasPrefix("/"), "\(path): \(value)")
                    }
                    let resolved = try #require(URL(string: value, relativeTo: page)?.absoluteURL.standardized)
                    #expect(resolved.absoluteString.hasPrefix("https://x.example/a/b/"), "\(path): \(value)")
                    let target = String(resolved.absoluteString.dropFirst("https://x.example/a/b/".count).prefix { $0 != "#" && $0 != "?" })
                    #expect(value.hasPrefix("https:") || files[SitePaths.file(for: target)] != nil, "\(path): \(value) leads to no file")
                }
            }
            for match in html.matches(of: shareURL) {
                let value = String(match.output[1].substring ?? "")
                #expect(value.hasPrefix("https://x.example/a/b/"), "\(path): \(value)")
            }
        }
        #expect(checked > 100)
        let sitemap = try text(files, "sitemap.xml")
        let locs = sitemap.matches(of: try Regex("<loc>([^<]*)</loc>")).map { String($0.output[1].substring ?? "") }
        #expect(locs.count > 20)
        #expect(locs.allSatisfy { $0.hasPrefix("https://x.example/a/b/") })
        #expect(locs.contains("https://x.example/a/b/"))
        let feed = try text(files, "feed.xml")
        let feedURLs = feed.matches(of: try Regex(#"(?:href="|<id>)([^"<]*)"#)).map { String($0.output[1].substring ?? "") }
        #expect(feedURLs.count >= 8)
        #expect(feedURLs.allSatisfy { $0.hasPrefix("https://x.example/a/b/") }, "\(feedURLs)")
        #expect(try text(files, "robots.txt").contains("Sitemap: https://x.example/a/b/sitemap.xml"))
        let json = try JSONSerialization.jsonObject(with: try #require(files["du-lieu/dien-hinh.json"])) as? [String: Any]
        let exemplars = try #require(json?["exemplars"] as? [[String: Any]])
        #expect(exemplars.allSatisfy { ($0["url"] as? String)?.hasPrefix("https://x.example/a/b/dien-hinh/") == true })
    }

    @Test("gives byte-identical output for the same input")
    func deterministic() throws {
        let (temp, site) = try SiteBuildFixture.copyBasicSite()
        defer { try? FileManager.default.removeItem(at: temp) }
        let first = try build(site, into: temp.appendingPathComponent("one"))
        let second = try build(site, into: temp.appendingPathComponent("two"))
        #expect(first.count > 30)
        #expect(SiteBuildFixture.differences(first, second) == [])
        // A rebuild in place gives the same bytes too.
        let again = try build(site, into: temp.appendingPathComponent("one"))
        #expect(SiteBuildFixture.differences(first, again) == [])
    }

    @Test("dates the feed from SOURCE_DATE_EPOCH when it is set, never from the clock")
    func sourceDateEpoch() throws {
        let (temp, site) = try SiteBuildFixture.copyBasicSite()
        defer { try? FileManager.default.removeItem(at: temp) }
        let files = try build(site, into: temp.appendingPathComponent("out"), environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(try text(files, "feed.xml").contains("<updated>2023-11-14T22:13:20Z</updated>"))
    }

    @Test("leaves drafts out unless --drafts")
    func drafts() throws {
        let (temp, site) = try SiteBuildFixture.copyBasicSite()
        defer { try? FileManager.default.removeItem(at: temp) }
        let draft = "dien-hinh/truong-mam-non-hoa-hong/index.html"
        let published = try build(site, into: temp.appendingPathComponent("public"))
        #expect(published[draft] == nil)
        #expect(!(try text(published, "du-lieu/dien-hinh.json")).contains("truong-mam-non-hoa-hong"))
        #expect(!(try text(published, "sitemap.xml")).contains("truong-mam-non-hoa-hong"))
        let withDrafts = try build(site, into: temp.appendingPathComponent("preview"), ["--drafts"])
        #expect(withDrafts[draft] != nil)
        #expect(try text(withDrafts, "du-lieu/dien-hinh.json").contains("truong-mam-non-hoa-hong"))
    }

    @Test("a failed build exits 1 and leaves the previous output byte for byte, with no staging folder")
    func failedBuildKeepsPreviousOutput() throws {
        let (temp, site) = try SiteBuildFixture.copyBasicSite()
        defer { try? FileManager.default.removeItem(at: temp) }
        let output = temp.appendingPathComponent("public")
        let before = try build(site, into: output)
        let profile = site.appendingPathComponent("content/profiles/le-thi-lan.md")
        let broken = try String(contentsOf: profile, encoding: .utf8).replacingOccurrences(of: "unit: th-nhi-binh", with: "unit: th-nhi-bihn")
        try broken.write(to: profile, atomically: true, encoding: .utf8)

        let run = try SiteBuildFixture.guong(["build", "--site", site.path, "--output", output.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("le-thi-lan.md:5:"), "\(run.stdout)")
        #expect(run.stdout.contains("th-nhi-binh"))
        #expect(SiteBuildFixture.differences(before, try SiteBuildFixture.tree(output)) == [])
        #expect(try leftovers(beside: output) == [])
    }

    @Test("refuses, with exit 2 and a Vietnamese message, to replace a folder it did not make")
    func refusesForeignFolder() throws {
        let (temp, site) = try SiteBuildFixture.copyBasicSite()
        defer { try? FileManager.default.removeItem(at: temp) }
        let output = temp.appendingPathComponent("portal")
        try FileManager.default.createDirectory(at: output.appendingPathComponent("tin-tuc"), withIntermediateDirectories: true)
        try Data("<p>trang của cổng thông tin</p>".utf8).write(to: output.appendingPathComponent("index.html"))
        try Data("tin".utf8).write(to: output.appendingPathComponent("tin-tuc/1.html"))
        let before = try SiteBuildFixture.tree(output)

        let run = try SiteBuildFixture.guong(["build", "--site", site.path, "--output", output.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("không do guong tạo ra"), "\(run.stderr)")
        #expect(SiteBuildFixture.differences(before, try SiteBuildFixture.tree(output)) == [])
        #expect(try leftovers(beside: output) == [])
    }

    @Test("refuses the site folder, content/ and theme/ as output", arguments: ["", "content", "theme", "content/profiles"])
    func refusesSourceFolders(relative: String) throws {
        let (temp, site) = try SiteBuildFixture.copyBasicSite()
        defer { try? FileManager.default.removeItem(at: temp) }
        try FileManager.default.createDirectory(at: site.appendingPathComponent("theme"), withIntermediateDirectories: true)
        let before = try SiteBuildFixture.tree(site)
        let output = relative.isEmpty ? site : site.appendingPathComponent(relative)

        let run = try SiteBuildFixture.guong(["build", "--site", site.path, "--output", output.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("không thể dùng"), "\(run.stderr)")
        #expect(SiteBuildFixture.differences(before, try SiteBuildFixture.tree(site)) == [])
        #expect(try leftovers(beside: output) == [])
    }

    @Test("builds into public/ inside the site by default, and replaces it on the next build")
    func defaultOutput() throws {
        let (temp, site) = try SiteBuildFixture.copyBasicSite()
        defer { try? FileManager.default.removeItem(at: temp) }
        let publicFolder = site.appendingPathComponent("public")
        let first = try SiteBuildFixture.guong(["build", "--site", site.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: publicFolder.appendingPathComponent("index.html").path))
        // A stale file from an earlier build does not survive the next one.
        try Data("cũ".utf8).write(to: publicFolder.appendingPathComponent("stale.html"))
        let second = try SiteBuildFixture.guong(["build", "--site", site.path])
        #expect(second.status == 0)
        #expect(!FileManager.default.fileExists(atPath: publicFolder.appendingPathComponent("stale.html").path))
        #expect(try leftovers(beside: publicFolder) == [])
    }
}
