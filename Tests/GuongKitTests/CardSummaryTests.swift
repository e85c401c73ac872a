import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

@Suite("Card summaries")
struct CardSummaryTests {
    @Test("a short lead is kept whole")
    func short() {
        #expect(CardSummary.of("Cô Thư dạy Ngữ văn.") == "Cô Thư dạy Ngữ văn.")
        let exact = String(repeating: "a", count: CardSummary.limit)
        #expect(CardSummary.of(exact) == exact)
    }

    @Test("a long lead is cut at a word boundary, without trailing punctuation, and ends in …")
    func long() {
        let lead = String(repeating: "Nguyễn Thị Minh Thư, ", count: 20)
        let summary = CardSummary.of(lead)
        #expect(summary.hasSuffix("…"))
        #expect(summary.count <= CardSummary.limit + 1)
        let body = summary.dropLast()
        #expect(lead.hasPrefix(body))
        #expect(!body.hasSuffix(",") && !body.hasSuffix(" "))
        #expect(lead[lead.index(lead.startIndex, offsetBy: body.count)].isWhitespace
                || lead[lead.index(lead.startIndex, offsetBy: body.count)] == ",")
    }

    @Test("a lead with no space is cut at the limit")
    func noSpace() {
        let lead = String(repeating: "đ", count: 300)
        #expect(CardSummary.of(lead) == String(repeating: "đ", count: CardSummary.limit) + "…")
    }
}

/// A profile page names a few colleagues and links the unit's page, instead of repeating every colleague's card.
@Suite("Profile page: the same unit's aside")
struct RelatedAsideTests {
    @Test("at most two colleagues, by name, and a link to all of the unit's exemplars")
    func bounded() throws {
        let site = try TemporarySite()
        for number in 1...7 {
            try site.write("content/profiles/dong-nghiep-\(number).md",
                           ProfileText.individual(name: "Đồng Nghiệp Số \(number)", unit: "th-nhi-binh"))
        }
        var options = SiteBuilder.Options(siteRoot: site.root)
        options.output = site.url("public")
        _ = try SiteBuilder(options: options).build()
        let page = try String(contentsOf: site.url("public/dien-hinh/dong-nghiep-so-1/index.html"), encoding: .utf8)
        let aside = try #require(page.range(of: "<aside class=\"related\"").map { page[$0.lowerBound...] })
        let listed = aside.components(separatedBy: "<li>").count - 1
        #expect(listed == SiteRenderer.relatedLimit)
        #expect(!aside.contains("class=\"card\""))
        #expect(aside.contains("/don-vi/th-nhi-binh/\">Xem tất cả điển hình của đơn vị ("))
    }

    @Test("the colleagues named are the profile's neighbours in its unit, so every colleague is named somewhere")
    func neighbours() {
        let unit = [10, 11, 12, 13, 14]
        #expect(SiteRenderer.neighbours(of: 12, in: unit, limit: 2) == [11, 13])
        #expect(SiteRenderer.neighbours(of: 10, in: unit, limit: 2) == [11, 14])
        #expect(SiteRenderer.neighbours(of: 14, in: unit, limit: 2) == [10, 13])
        #expect(SiteRenderer.neighbours(of: 12, in: unit, limit: 4) == [10, 11, 13, 14])
        #expect(SiteRenderer.neighbours(of: 10, in: [10, 11], limit: 2) == [11])
        #expect(SiteRenderer.neighbours(of: 10, in: [10], limit: 2) == [])
        for count in 2...9 {
            let unit = Array(100..<100 + count)
            var named = Set<Int>()
            for member in unit {
                let names = SiteRenderer.neighbours(of: member, in: unit, limit: 2)
                #expect(names.count == min(2, count - 1) && !names.contains(member) && Set(names).count == names.count)
                named.formUnion(names)
            }
            #expect(named == Set(unit), "every one of \(count) colleagues is named on another's page")
        }
    }
}
