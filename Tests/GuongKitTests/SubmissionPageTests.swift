import Foundation
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport
import Testing

/// `/gui-ho-so/` and `/huong-dan/` as `guong build` writes them; the browser half is Tests/browser/test_form.py.
@Suite struct SubmissionPageTests {
    func built() throws -> ScratchSite {
        let site = try ScratchSite()
        var options = SiteBuilder.Options(siteRoot: site.root)
        options.output = site.url("public")
        _ = try SiteBuilder(options: options).build()
        return site
    }

    @Test func everyControlIsNamedForTheKeyItFills() throws {
        let site = try built()
        defer { site.remove() }
        let html = try site.read("public/gui-ho-so/index.html")
        for name in ["kind", "name", "position", "unit", "fields", "year", "lead", "achievements", "photo"] {
            #expect(html.contains("name=\"\(name)\""), "no control named \(name)")
        }
        // Tied to their errors, and the page says nothing is sent.
        #expect(html.contains("aria-describedby=\"goi-y-name loi-name\""))
        #expect(html.contains("Không có gì được gửi đi từ trang này."))
        // The menu of every page leads here (relative to the page).
        #expect(try site.read("public/index.html").contains("href=\"gui-ho-so/\""))
        #expect(try site.read("public/huong-dan/index.html").contains("href=\"../gui-ho-so/\""))
    }

    @Test func theFormsDataIsTheSitesOwn() throws {
        let site = try built()
        defer { site.remove() }
        let content = try SiteLoader(root: site.root).load()
        let data = SubmissionData(schema: try #require(content.schema), units: content.units, strings: ["form_error_unit": "x"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(data.json.utf8)) as? [String: Any])
        #expect((object["units"] as? [Any])?.count == content.units.count)
        #expect(object["phase"] as? [Int] == [content.schema!.phase.lowerBound, content.schema!.phase.upperBound])
        #expect((object["fields"] as? [[String: String]])?.map { $0["code"] ?? "" } == content.schema!.fields.map(\.code))
        // The invisible characters are the check's: a right-to-left override and a zero-width space, never a space.
        let ranges = try #require(object["invisible"] as? [[Int]])
        let refused = { (value: Int) in ranges.contains { $0[0] <= value && value <= $0[1] } }
        #expect(refused(0x202E) && refused(0x200B) && refused(0x07) && !refused(0x20) && !refused(0x0A) && !refused(0x1EA1))
        // The page carries it, escaped for its attribute.
        #expect(try site.read("public/gui-ho-so/index.html").contains("data-schema=\"{&quot;fields&quot;"))
    }

    @Test func theGuideHasItsPageAndTheTemplatesGuongNewWrites() throws {
        let site = try built()
        defer { site.remove() }
        let page = try site.read("public/huong-dan/index.html")
        #expect(page.contains("<h1>Hướng dẫn gửi hồ sơ</h1>"))
        #expect(page.contains("Mười lỗi hay gặp"))
        // cmark has no tables: the guide keeps to what it renders.
        #expect(!page.contains("<p>|"))
        #expect(page.contains("href=\"mau-ca-nhan.md\""))
        let template = try site.read("public/huong-dan/mau-ca-nhan.md")
        let written = try ProfileSkeleton(siteRoot: site.root).write(.init(kind: "individual"))
        #expect(template == (try site.read(written)))
        #expect(template.contains("\ndraft: true\n"))
        #expect(site.exists("public/huong-dan/mau-tap-the.md"))
    }

    /// The form's copy of the invisible characters is the check's rule, scalar for scalar.
    @Test func theFormsInvisibleRangesAreTheChecksRule() {
        var ranges: [[UInt32]] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), FrontMatterFields.isInvisible(scalar) else { continue }
            if let last = ranges.last, last[1] + 1 == value { ranges[ranges.count - 1][1] = value } else { ranges.append([value, value]) }
        }
        #expect(SubmissionData.invisibleRanges == ranges)
    }
}
