import Foundation
@testable import GuongKit
@testable import GuongRender
@testable import GuongPreview
import GuongTestSupport
import Testing

/// The preview follows intake's folders per profile, and a draft's problems never stop it.
@Suite struct ServeBundleTests {
    typealias Preview = ServeIncrementalTests.Preview

    @Test func aBundleWithItsPhotoIsPreviewedLikeAFullRender() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let preview = try Preview(root: site.root)
        preview.rebuild()
        try site.write("content/profiles/pham-van-tu/anh.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/></svg>")
        try site.write("content/profiles/pham-van-tu/index.md", sampleProfileText(name: "Phạm Văn Tư", extra: "photo: anh.svg\n"))
        guard case .built = preview.change([site.url("content/profiles/pham-van-tu/index.md"), site.url("content/profiles/pham-van-tu/anh.svg")])
        else { throw TestFailure("the bundle does not build") }
        #expect(preview.output["dien-hinh/pham-van-tu/index.html"] != nil)
        #expect(preview.output["dien-hinh/pham-van-tu/anh.svg"] != nil)
        try ServeIncrementalTests().expectSame(preview, site)
    }

    @Test func aBrokenDraftIsAWarningAndThePreviewGoesOn() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let preview = try Preview(root: site.root)
        preview.rebuild()
        let path = try ProfileSkeleton(siteRoot: site.root).write(.init(kind: "individual"))
        guard case .built(_, _, _, let warnings) = preview.change([site.url(path)]) else { throw TestFailure("a draft stopped the preview") }
        #expect(warnings.contains { $0.location.path == path && $0.inDraft })
        #expect(preview.output["dien-hinh/ca-nhan-moi/index.html"] == nil)
    }
}
