import Foundation
import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

/// `guong build` writes the search page and its index, under the base URL's path.
@Suite struct SearchPageTests {
    static func build() throws -> URL {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("guong-search-\(UUID().uuidString)", isDirectory: true)
        var options = SiteBuilder.Options(siteRoot: SearchIndexTests.basicSite)
        options.output = output
        options.baseURL = "https://pgd.example.vn/dien-hinh-tien-tien/"
        _ = try SiteBuilder(options: options).build()
        return output
    }

    static func read(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func thePageTellsTheScriptWhereTheIndexAndProfilesAre() throws {
        let output = try Self.build()
        defer { try? FileManager.default.removeItem(at: output) }
        let page = try Self.read(output, "tim-kiem/index.html")
        // Relative to the page, as every link: the script resolves them against it.
        #expect(page.contains(#"data-index="chi-muc/""#))
        #expect(page.contains(#"data-profile-url="../dien-hinh/{slug}/""#))
        #expect(page.contains(#"<label for="q">"#))
        #expect(page.contains(#"role="status" aria-live="polite""#))
        #expect(page.contains(#"<script src="../assets/search.js" defer></script>"#))
        #expect(page.contains("<noscript>"))
        #expect(page.contains(#"data-found="Tìm thấy {n} kết quả.""#))
        let other = try Self.read(output, "index.html")
        #expect(!other.contains("search.js"), "only the search page loads the script")
    }

    @Test func theIndexIsWrittenAndEveryResultLinksToAPage() throws {
        let output = try Self.build()
        defer { try? FileManager.default.removeItem(at: output) }
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(Self.read(output, "tim-kiem/chi-muc/chi-muc.json").utf8)) as? [String: Any])
        #expect(manifest["count"] as? Int == 4)
        for key in try #require(manifest["shards"] as? [String]) {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("tim-kiem/chi-muc/" + SearchShards.fileName(key)).path))
        }
        let chunks = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("tim-kiem/chi-muc").path)
            .filter { $0.hasPrefix("tai-lieu-") }
        let rows = try chunks.flatMap { chunk in
            try #require(try JSONSerialization.jsonObject(with: Data(Self.read(output, "tim-kiem/chi-muc/" + chunk).utf8)) as? [Any])
                .compactMap { $0 as? [Any] }
        }
        #expect(rows.count == 4)
        for row in rows {
            let name = try #require(row[0] as? String), slug = try #require(row[1] as? String)
            let page = "dien-hinh/\(slug.isEmpty ? VietnameseFolding.slug(name) : slug)/index.html"
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(page).path), "\(page)")
        }
        #expect(try !Self.read(output, "sitemap.xml").contains("chi-muc"), "index files are not pages")
    }
}
