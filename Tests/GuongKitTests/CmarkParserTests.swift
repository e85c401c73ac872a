import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

@Suite("Parsing a Markdown body with cmark")
struct CmarkParserTests {
    @Test func blocksComeOutInOrderWithTheirKinds() {
        let document = CmarkParser.parse("""
            Đoạn mở đầu.

            ## Thành tích nổi bật

            - Một.
            - Hai.

            > Trích dẫn.
            """)
        #expect(document.blocks.map(\.kind) == [.paragraph, .heading(level: 2), .list, .other])
        #expect(document.blocks.map(\.text) == ["Đoạn mở đầu.", "Thành tích nổi bật", "Một. Hai.", "Trích dẫn."])
    }

    /// A block's text has no white space at either end, ASCII or not (a no-break space, an ideographic
    /// space, a line separator), and keeps what is inside.
    @Test(arguments: [
        ("Một hai.", "Một hai."),
        ("\u{00A0}Một hai.\u{3000}", "Một hai."),
        ("Một\u{00A0}hai.\u{2028}", "Một\u{00A0}hai."),
        ("\u{200B}\u{00A0}", ""),
        ("Một `mã` hai  \nba.", "Một mã hai ba."),
    ])
    func aBlocksTextIsTrimmedOfEveryWhiteSpace(markdown: String, text: String) {
        let document = CmarkParser.parse(markdown)
        #expect(document.blocks.map(\.text) == [text])
        #expect(document.blocks.map(\.text) == document.blocks.map { $0.text.trimmingWhitespaceAndNewlines() })
    }

    @Test func aLevelOneHeadingIsRenderedAsH2SoThePageKeepsOneH1() {
        let document = CmarkParser.parse("# Tiêu đề\n\n## Mục\n\n### Tiểu mục\n")
        #expect(document.blocks.map(\.kind) == [.heading(level: 1), .heading(level: 2), .heading(level: 3)])
        #expect(document.blocks[0].html.hasPrefix("<h2"))
        #expect(document.blocks[0].html.hasSuffix(">Tiêu đề</h2>\n"))
        #expect(document.blocks[1].html.hasPrefix("<h2"))
        #expect(document.blocks[2].html.hasPrefix("<h3"))
        #expect(!document.blocks.contains { $0.html.contains("<h1") })
    }

    @Test
    func renderedHTMLCarriesNoSourcePositions() {
        let document = CmarkParser.parse("# Tiêu đề\n\nĐoạn **đậm**.\n\n- Một.\n", firstLine: 9)
        #expect(document.blocks.map(\.html) == ["<h2>Tiêu đề</h2>\n", "<p>Đoạn <strong>đậm</strong>.</p>\n", "<ul>\n<li>Một.</li>\n</ul>\n"])
    }

    @Test func listItemsCarryTheirInnerHTMLAndText() throws {
        let document = CmarkParser.parse("- Giải **Nhất** cấp huyện.\n- Sáng kiến `số hóa`.\n")
        let list = try #require(document.blocks.first)
        #expect(list.kind == .list)
        #expect(list.items.map(\.html) == ["Giải <strong>Nhất</strong> cấp huyện.", "Sáng kiến <code>số hóa</code>."])
        #expect(list.items.map(\.text) == ["Giải Nhất cấp huyện.", "Sáng kiến số hóa."])
    }

    @Test func orderedListItemsToo() throws {
        let document = CmarkParser.parse("1. Chiến sĩ thi đua.\n2. Lao động tiên tiến.\n")
        #expect(document.blocks.first?.items.map(\.text) == ["Chiến sĩ thi đua.", "Lao động tiên tiến."])
    }

    /// A list's text is cut from its items' bytes, walked once; a block quote around the same list has its
    /// text from a walk of the whole tree, which must give the same.
    @Test(arguments: [
        "- Một.\n- Hai.\n",
        "- \n- Hai.\n-\n",
        "1. Một\\\n   dòng hai\n2. `mã`  \n   tiếp\n",
        "- Một\n  - con một\n  - con hai\n- Hai\n\n  đoạn hai của mục\n",
        "- ```\n  khối mã\n  ```\n- sau\n",
        "- kết thúc bằng\u{00A0}\n- \u{3000}đầu bằng khoảng trắng rộng\n",
        "- [liên kết](https://example.com) và ![ảnh](a.png)\n- <b>html</b> &amp; thực thể\n",
    ])
    func aListsTextIsTheTextOfItsWholeTree(markdown: String) throws {
        let list = try #require(CmarkParser.parse(markdown).blocks.first)
        let quoted = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
        let quote = try #require(CmarkParser.parse(quoted).blocks.first)
        #expect(list.kind == .list)
        #expect(quote.kind == .other)
        #expect(list.text == quote.text)
        #expect(list.items.count >= 2)
    }

    @Test func positionsAreFileLinesAfterFirstLineOffset() {
        let document = CmarkParser.parse("\nĐoạn.\n\n## Mục\n\n- Một.\n- Hai.\n", firstLine: 9)
        #expect(document.blocks.map(\.position) == [
            TextPosition(line: 10, column: 1), TextPosition(line: 12, column: 1), TextPosition(line: 14, column: 1),
        ])
        #expect(document.blocks[2].items.map(\.position.line) == [14, 15])
    }

    @Test func columnsCountCharactersNotBytesAfterVietnameseText() throws {
        // "Lời giới thiệu " is 15 characters but 21 bytes.
        let document = CmarkParser.parse("Lời giới thiệu <b>x</b>.\n", firstLine: 10)
        #expect(document.droppedHTML == [TextPosition(line: 10, column: 16), TextPosition(line: 10, column: 20)])
    }

    @Test func columnsOfListItemsNestedInVietnameseText() {
        let document = CmarkParser.parse("Đoạn.\n\n- Thành tích [đường](javascript:x)\n")
        #expect(document.unsafeLinks == [TextPosition(line: 3, column: 14)])
    }

    @Test func rawHTMLIsRecordedAndDropped() throws {
        let document = CmarkParser.parse("Chào <script>alert(1)</script>.\n\n<div onclick=\"x()\">khối</div>\n")
        #expect(document.droppedHTML.count == 3)
        #expect(document.droppedHTML.last == TextPosition(line: 3, column: 1))
        let html = document.blocks.map(\.html).joined()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<div"))
        #expect(!html.contains("onclick"))
    }

    @Test("Dangerous link schemes are recorded and the link replaced by its text",
          arguments: ["javascript:alert(1)", "JavaScript:alert(1)", "vbscript:msgbox", "data:text/html;base64,PHNjcmlwdD4=",
                      "data:image/png;base64,AAAA", "jav&#x09;ascript:alert(1)", "intent:x"])
    func unsafeLink(url: String) throws {
        let document = CmarkParser.parse("Xem [hồ sơ](\(url)).\n")
        #expect(document.unsafeLinks == [TextPosition(line: 1, column: 5)])
        let html = try #require(document.blocks.first?.html)
        #expect(html == "<p>Xem hồ sơ.</p>\n")
    }

    @Test func fileLinksAreLocalAndNeverRendered() throws {
        let document = CmarkParser.parse("Xem [hồ sơ](file:///etc/passwd).\n")
        #expect(document.localLinks.map(\.url) == ["file:///etc/passwd"])
        #expect(document.blocks.first?.html == "<p>Xem hồ sơ.</p>\n")
    }

    @Test func safeLinksAreKept() throws {
        let document = CmarkParser.parse("Xem [trang](https://example.edu.vn/a?b=1).\n")
        #expect(document.unsafeLinks.isEmpty)
        #expect(document.blocks.first?.html.contains("href=\"https://example.edu.vn/a?b=1\"") == true)
    }

    @Test func imagesAreNotedWithTheirURL() {
        let document = CmarkParser.parse("Đoạn.\n\n![Ảnh](anh.jpg)\n")
        #expect(document.images.map(\.url) == ["anh.jpg"])
        #expect(document.images.map(\.position) == [TextPosition(line: 3, column: 1)])
        // Its alt text stands in its place; no <img> reaches the page.
        #expect(document.blocks.last?.html == "<p>Ảnh</p>\n")
    }

    @Test func plainTextDropsEmphasisAndCodeMarks() {
        let document = CmarkParser.parse("Cô *Thư* dạy **Ngữ văn** với `máy chiếu`,\nmỗi ngày.\n")
        #expect(document.blocks.first?.text == "Cô Thư dạy Ngữ văn với máy chiếu, mỗi ngày.")
    }

    @Test func anEmptyBodyHasNoBlocks() {
        #expect(CmarkParser.parse("").blocks.isEmpty)
        #expect(CmarkParser.parse("\n\n").blocks.isEmpty)
    }
}

@Suite("A profile's sections")
struct ProfileSectionsTests {
    private func profile(_ file: String) throws -> Profile {
        let site = try Fixtures.loadBasicSite()
        return try #require(site.profiles.first { $0.sourcePath == "content/profiles/\(file)" })
    }

    @Test func achievementsUnderALevelThreeHeadingWithAColonAndAnOrderedList() throws {
        let hiep = try profile("tran-van-hiep.md")
        #expect(hiep.achievements.map(\.text) == ["Chiến sĩ thi đua cơ sở năm 2023."])
        #expect(hiep.summary == "Thầy Hiệp dẫn dắt chuyển đổi số của trường.")
    }

    @Test func achievementsUnderAHeadingWithoutDiacritics() throws {
        let lan = try profile("le-thi-lan.md")
        #expect(lan.achievements.map(\.text) == [
            "Giấy khen của Phòng Giáo dục và Đào tạo năm 2024.", "Sáng kiến \"Một cửa điện tử\" cấp trường.",
        ])
    }

    @Test func otherSectionsFollowInTheBody() throws {
        let thu = try profile("nguyen-thi-minh-thu.md")
        #expect(thu.achievements.count == 2)
        #expect(thu.body.map(\.text).contains("Kinh nghiệm, cách làm hay"))
        #expect(thu.lead.map(\.text) == ["Cô Thư dạy Ngữ văn mười năm, đưa bài giảng điện tử vào mọi tiết học."])
    }

    @Test("Headings that name the section", arguments: [
        "## Thành tích nổi bật", "# THÀNH TÍCH NỔI BẬT", "#### thanh tich noi bat:", "## Thành tích  nổi bật.",
    ])
    func achievementsHeading(heading: String) {
        let sections = ProfileSections(CmarkParser.parse("Mở đầu.\n\n\(heading)\n\n- Một.\n"))
        #expect(sections.achievementItems.map(\.text) == ["Một."])
    }

    @Test func aListUnderALaterSectionIsNotTheAchievements() {
        let sections = ProfileSections(CmarkParser.parse("## Thành tích nổi bật\n\nSẽ bổ sung.\n\n## Kinh nghiệm\n\n- Khác.\n"))
        #expect(sections.achievementItems.isEmpty)
        guard case .empty(let heading) = sections.achievements else {
            Issue.record("expected an empty section, got \(sections.achievements)")
            return
        }
        #expect(heading == TextPosition(line: 1, column: 1))
    }

    @Test func noHeadingMeansMissing() {
        let sections = ProfileSections(CmarkParser.parse("Mở đầu.\n\n- Một.\n"))
        guard case .missing = sections.achievements else {
            Issue.record("expected a missing section, got \(sections.achievements)")
            return
        }
    }

    @Test func scalarColumnsAreCountedAlikeNearAndFarIntoALine() {
        let line = String(repeating: "Đổi mới phương pháp dạy học; ", count: 40)
        let bytes = Array(("# Tiêu đề\n" + line + "\n").utf8)
        let index = LineIndex(bytes)
        let lineBytes = Array(line.utf8)
        for byteColumn in 1...lineBytes.count where byteColumn == lineBytes.count || lineBytes[byteColumn - 1] & 0xC0 != 0x80 {
            let expected = String(decoding: lineBytes[..<(byteColumn - 1)], as: UTF8.self).unicodeScalars.count + 1
            #expect(index.scalarColumn(line: 2, byteColumn: byteColumn) == expected)
        }
        #expect(index.scalarColumn(line: 1, byteColumn: 4) == 4)
        #expect(index.scalarColumn(line: 9, byteColumn: 3) == 3)
    }
}
