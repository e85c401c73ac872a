import Foundation
import Testing
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport

/// Intake files the bytes it checked: a profile or photo swapped on disk after the check is not what is filed.
@Suite("Intake copies exactly what it checked")
struct IntakeCheckedBytesTests {
    @Test func filesSwappedAfterTheCheckAreNotFiled() throws {
        let site = try ScratchSite(), inbox = try IntakeTests.Inbox()
        defer { site.remove(); inbox.remove() }
        let picture = Data("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/></svg>".utf8)
        let photo = try inbox.put("tu.svg", picture)
        let text = IntakeTests.profile(name: "Phạm Văn Tư", extra: "photo: tu.svg\n")
        let file = try inbox.put("tu.md", text)

        var loader = SiteLoader(root: site.root)
        loader.keepsCheckedBytes = true
        let checked = try loader.load(only: [file], alone: true)
        #expect(!checked.diagnostics.hasErrors)
        // Between the check and the copy, both files are replaced by something the check would refuse.
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".utf8).write(to: photo)
        try Data(IntakeTests.profile(name: "Phạm Văn Tư", body: "<script>alert(1)</script>").utf8).write(to: file)

        var plan = IntakePlan(siteRoot: loader.root, displayRoot: "", existing: [])
        var entry = plan.decide(source: file, checked: checked)
        plan.file(&entry)
        #expect(entry.verdict == .accepted(target: "content/profiles/pham-van-tu/index.md"))
        #expect(try site.read("content/profiles/pham-van-tu/index.md") == text)
        #expect(try Data(contentsOf: site.url("content/profiles/pham-van-tu/tu.svg")) == picture)
    }

    @Test func theLoaderKeepsNoBytesUnlessAsked() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let content = try SiteLoader(root: site.root).load()
        #expect(!content.profiles.isEmpty && content.profiles.allSatisfy { $0.checkedBytes == nil })
    }
}
