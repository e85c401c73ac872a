import Foundation
@testable import GuongKit
@testable import GuongRender
@testable import GuongPreview
import GuongTestSupport
import Testing

/// The programme's keys (stage, honours, spread) show on cards, the profile page, year quotas and the
/// honours page: an edit of them alone must reach every page a full build would change.
@Suite struct ServeProgrammeTests {
    typealias Preview = ServeIncrementalTests.Preview

    @Test func anEditOfTheStageAloneMatchesAFullRender() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let preview = try Preview(root: site.root)
        preview.rebuild()
        let lan = site.url("content/profiles/le-thi-lan.md")
        let text = try site.read("content/profiles/le-thi-lan.md")
        let closing = try #require(text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 4)..<text.endIndex))
        try site.write("content/profiles/le-thi-lan.md",
                       text.replacingCharacters(in: closing, with: "\nstage: Khen thưởng\n---\n"))
        guard case .built = preview.change([lan]) else { throw TestFailure("the edit does not build") }
        try ServeIncrementalTests().expectSame(preview, site)
    }
}
