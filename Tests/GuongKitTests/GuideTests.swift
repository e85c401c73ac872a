import Foundation
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport
import Testing

/// The guide for schools: one text for the site and `docs/huong-dan/`, and the messages it quotes are the
/// check's own, so they cannot drift.
@Suite struct GuideTests {
    static let guide = packageRoot.appendingPathComponent("theme/guide/gui-ho-so.md")

    /// The guide's example file, with each of the ten mistakes made in it.
    static let example = """
        ---
        kind: individual
        name: Nguyễn Thị Minh Thư
        position: Giáo viên Ngữ văn
        unit: thcs-dong-thanh
        fields: [a, đ]
        year: 2022
        ---

        Cô Thư dạy Ngữ văn.

        ## Thành tích nổi bật

        - Giải Nhất Hội thi giáo viên dạy giỏi cấp huyện.

        """

    static let mistakes: [(String, @Sendable (String) -> String)] = [
        ("space after colon", { $0.replacingOccurrences(of: "name: Nguyễn", with: "name:Nguyễn") }),
        ("tab", { $0.replacingOccurrences(of: "fields: [a, đ]\n", with: "fields:\n\t- a\n") }),
        ("curly quotes", { $0.replacingOccurrences(of: "name: Nguyễn Thị Minh Thư", with: "name: “Nguyễn Thị Minh Thư”") }),
        ("empty", { $0.replacingOccurrences(of: "position: Giáo viên Ngữ văn", with: "position:") }),
        ("no position", { $0.replacingOccurrences(of: "position: Giáo viên Ngữ văn\n", with: "") }),
        ("unit", { $0.replacingOccurrences(of: "unit: thcs-dong-thanh", with: "unit: thcs-dong-thnah") }),
        ("field", { $0.replacingOccurrences(of: "fields: [a, đ]", with: "fields: [e]") }),
        ("year", { $0.replacingOccurrences(of: "year: 2022", with: "year: 2020") }),
        ("no achievements", { $0.replacingOccurrences(of: "\n## Thành tích nổi bật\n\n- Giải Nhất Hội thi giáo viên dạy giỏi cấp huyện.\n", with: "") }),
        ("photo", { $0.replacingOccurrences(of: "year: 2022\n", with: "year: 2022\nphoto: thu.jpg\n") }),
    ]

    @Test func theExampleItselfPasses() throws {
        #expect(try Self.check(Self.example).isEmpty)
    }

    @Test(arguments: 0..<10)
    func eachCommonMistakeIsQuotedWithTheExactMessage(_ index: Int) throws {
        let guide = try String(contentsOf: Self.guide, encoding: .utf8)
        let (name, make) = Self.mistakes[index]
        let problems = try Self.check(make(Self.example))
        #expect(problems.count == 1, "\(name): \(problems.map(CheckReport.line))")
        for problem in problems {
            let line = CheckReport.line(problem)
            #expect(guide.contains("`` \(line) ``"), "the guide does not quote, for \(name):\n\(line)")
        }
    }

    @Test func theDocsCopyIsTheSiteGuide() throws {
        let docs = try String(contentsOf: packageRoot.appendingPathComponent("docs/huong-dan/truong-hoc.md"), encoding: .utf8)
        #expect(docs == (try String(contentsOf: Self.guide, encoding: .utf8)), "run python3 scripts/embed-theme.py")
    }

    /// The file checked as `ho-so.md` on its own against the basic site, as a school would.
    static func check(_ text: String) throws -> [Diagnostic] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guong-guide-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = URL(fileURLWithPath: "ho-so.md", relativeTo: folder)
        try Data(text.utf8).write(to: file)
        return try SiteLoader(root: Fixtures.basicSite).load(only: [file], alone: true).diagnostics
    }
}
