import Foundation
import Testing
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport

/// Files from a Mac: macOS writes file names in NFD (a letter, then its marks), while a profile's text is NFC.
@Suite("Files from a Mac: names compared after normalisation")
struct MacFileNameTests {
    /// A real JPEG: a site's check decodes every raster photo with libvips (docs/photos.md).
    static let jpeg = (try? Data(contentsOf: PhotoFixtures.url("xoay.jpg"))) ?? Data()

    /// Writes `data` at `relative` below `root` with every name in NFD, and checks the disk holds those bytes.
    static func writeNFD(_ data: Data, at relative: String, below root: URL) throws {
        let path = root.path + "/" + relative.decomposedStringWithCanonicalMapping
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: path, contents: data))
        let folder = (path as NSString).deletingLastPathComponent
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).map { Array($0.utf8) }
        #expect(names.contains(Array((relative as NSString).lastPathComponent.decomposedStringWithCanonicalMapping.utf8)))
        #expect(!names.contains(Array((relative as NSString).lastPathComponent.utf8)), "the name on disk is NFD")
    }

    @Test(arguments: ["ảnh-thầy-tư.jpg", "ảnh hồ sơ/thầy Tư.jpg"])
    func aPhotoNamedInNFDIsFound(_ photo: String) throws {
        let site = try ScratchSite()
        defer { site.remove() }
        try Self.writeNFD(Self.jpeg, at: "content/profiles/" + photo, below: site.root)
        try site.write("content/profiles/tu.md", IntakeTests.profile(name: "Phạm Văn Tư", extra: "photo: \(photo)\n"))
        let content = try SiteLoader(root: site.root).load()
        #expect(content.diagnostics.filter { $0.location.path.hasSuffix("tu.md") }.map(\.code) == [])
        let profile = try #require(content.profiles.first { $0.name == "Phạm Văn Tư" })
        #expect(try Data(contentsOf: try #require(profile.photo)) == Self.jpeg)
    }

    @Test func intakeFilesAnNFDPhotoUnderTheNameTheProfileGives() throws {
        let site = try ScratchSite(), inbox = try IntakeTests.Inbox()
        defer { site.remove(); inbox.remove() }
        try Self.writeNFD(Self.jpeg, at: "ảnh-tư.jpg", below: inbox.root)
        let file = try inbox.put("tu.md", IntakeTests.profile(name: "Phạm Văn Tư", extra: "photo: ảnh-tư.jpg\n"))
        let report = try Intake(options: Intake.Options(siteRoot: site.root)).run([file])
        #expect(report.entries.first?.verdict == .accepted(target: "content/profiles/pham-van-tu/index.md"))
        #expect(try Data(contentsOf: site.url("content/profiles/pham-van-tu/ảnh-tư.jpg")) == Self.jpeg)
        let names = try FileManager.default.contentsOfDirectory(atPath: site.url("content/profiles/pham-van-tu").path).map { Array($0.utf8) }
        #expect(names.contains(Array("ảnh-tư.jpg".utf8)), "filed in NFC")
        #expect(!(try SiteLoader(root: site.root).load().diagnostics.hasErrors))
    }
}
