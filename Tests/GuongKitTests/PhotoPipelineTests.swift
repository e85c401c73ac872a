import Foundation
import Testing
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport

/// Real photos through the whole build: upright, rid of every piece of metadata, in several sizes, with a
/// square for cards and a share image, and the markup that shows them.
@Suite("Photos: the libvips pipeline")
struct PhotoPipelineTests {
    @Test func aSidewaysPhoneImageIsPublishedUprightInEverySizeWithNoMetadata() throws {
        let sandbox = try HostileSandbox()
        try sandbox.addPhotoProfile(name: "Lê Văn Ảnh", photo: "xoay.jpg")
        let report = try sandbox.build()
        #expect(!report.diagnostics.hasErrors)
        let folder = sandbox.output.appendingPathComponent("dien-hinh/le-van-anh", isDirectory: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        // 800×600 stored, 600×800 upright: 480 below it, then its own width, never upscaled to 960.
        #expect(names == ["anh-480.jpg", "anh-480.webp", "anh-600.jpg", "anh-600.webp",
                          "anh-chia-se.jpg", "anh-vuong.jpg", "anh-vuong.webp", "index.html"])
        #expect(!names.contains("anh.jpg"), "the original, with its metadata, is never published")

        for name in names where name != "index.html" {
            let file = folder.appendingPathComponent(name)
            #expect(PhotoFixtures.metadataParts([UInt8](try Data(contentsOf: file))) == [], "\(name)")
            #expect(try PhotoFixtures.metadataTags(file) == [], "\(name)")
        }
        let header = { (name: String) throws -> String in try PhotoFixtures.run("vipsheader", [folder.appendingPathComponent(name).path]) }
        #expect(try header("anh-600.jpg").contains("600x800"))
        #expect(try header("anh-480.webp").contains("480x640"))
        #expect(try header("anh-vuong.jpg").contains("160x160"))
        #expect(try header("anh-chia-se.jpg").contains("1200x630"))
        // The red band was along the top of the stored picture; turned upright it runs down the right side.
        let right = try PhotoFixtures.pixel(folder.appendingPathComponent("anh-480.jpg"), x: 470, y: 320)
        let left = try PhotoFixtures.pixel(folder.appendingPathComponent("anh-480.jpg"), x: 8, y: 320)
        #expect(right[0] > 200 && right[2] < 60, "right edge \(right)")
        #expect(left[2] > 200 && left[0] < 60, "left edge \(left)")
    }

    @Test func thePagesCarryPictureSrcsetSizesAndShareImages() throws {
        let sandbox = try HostileSandbox()
        try sandbox.addPhotoProfile(name: "Lê Văn Ảnh", photo: "xoay.jpg")
        _ = try sandbox.build()
        let page = try String(contentsOf: sandbox.output.appendingPathComponent("dien-hinh/le-van-anh/index.html"), encoding: .utf8)
        // The fixture site is published at https://example.edu.vn/dien-hinh/; links are relative to the page.
        let here = ""
        #expect(page.contains("<picture><source type=\"image/webp\" srcset=\"\(here)anh-480.webp 480w, \(here)anh-600.webp 600w\""))
        #expect(page.contains("<img class=\"profile-photo\" src=\"\(here)anh-600.jpg\" srcset=\"\(here)anh-480.jpg 480w, \(here)anh-600.jpg 600w\""))
        #expect(page.contains("width=\"600\" height=\"800\" alt=\"Lê Văn Ảnh\">"))
        let main = page.components(separatedBy: "<img class=\"profile-photo\"")[1].prefix { $0 != ">" }
        #expect(!main.contains("loading="), "the main photo loads at once")
        #expect(page.contains("<meta property=\"og:image\" content=\"https://example.edu.vn/dien-hinh/dien-hinh/le-van-anh/anh-chia-se.jpg\">"))

        // Every page has a raster share image at an absolute URL; every raster <img> a size and a srcset.
        let enumerator = FileManager.default.enumerator(at: sandbox.output, includingPropertiesForKeys: nil)
        var pages = 0, thumbnails = 0
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "html" else { continue }
            let html = try String(contentsOf: url, encoding: .utf8)
            pages += 1
            let image = html.components(separatedBy: "<meta property=\"og:image\" content=\"").dropFirst().first?.prefix { $0 != "\"" } ?? ""
            #expect(image.hasPrefix("http") && (image.hasSuffix(".jpg") || image.hasSuffix(".png")), "\(url.path): og:image \(image)")
            // X (Twitter) reads og:image when twitter:image is absent: the card type is all it needs.
            #expect(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"), "\(url.path)")
            for img in html.components(separatedBy: "<img").dropFirst().map({ String($0.prefix { $0 != ">" }) }) {
                #expect(img.contains(" width=\"") && img.contains(" height=\""), "\(url.path): <img\(img)>")
                #expect(img.contains(" srcset=\"") || img.contains(".svg\""), "\(url.path): <img\(img)>")
            }
            thumbnails += html.components(separatedBy: "anh-vuong.jpg\" srcset=").count - 1
        }
        #expect(pages > 10)
        #expect(thumbnails >= 3, "cards in lists show the square thumbnail")
        let list = try String(contentsOf: sandbox.output.appendingPathComponent("ca-nhan/index.html"), encoding: .utf8)
        #expect(list.contains("<picture class=\"card-thumb\"><source type=\"image/webp\" srcset=\"../dien-hinh/le-van-anh/anh-vuong.webp 160w\""))
        #expect(list.contains("loading=\"lazy\" alt=\"Lê Văn Ảnh\">"))
        let home = try String(contentsOf: sandbox.output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("<meta property=\"og:image\" content=\"https://example.edu.vn/dien-hinh/assets/chia-se.png\">"))
        #expect(FileManager.default.fileExists(atPath: sandbox.output.appendingPathComponent("assets/chia-se.png").path))
    }

    @Test func anSVGPhotoIsRasterisedForSharingOnly() throws {
        let sandbox = try HostileSandbox()
        _ = try sandbox.build()
        let folder = sandbox.output.appendingPathComponent("dien-hinh/nguyen-thi-minh-thu", isDirectory: true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["anh-chia-se.jpg", "anh.svg", "index.html"])
        #expect(try PhotoFixtures.run("vipsheader", [folder.appendingPathComponent("anh-chia-se.jpg").path]).contains("1200x630"))
        let page = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("content=\"https://example.edu.vn/dien-hinh/dien-hinh/nguyen-thi-minh-thu/anh-chia-se.jpg\">"))
    }

    @Test func anIPhonePhotoInHEICIsRead() throws {
        let sandbox = try HostileSandbox()
        try sandbox.addPhotoProfile(name: "Đỗ Thị Hà", photo: "ha.heic", from: "xoay.heic")
        let report = try sandbox.build()
        #expect(report.diagnostics.isEmpty)
        let folder = sandbox.output.appendingPathComponent("dien-hinh/do-thi-ha", isDirectory: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.contains("anh-480.webp") && names.contains("anh-chia-se.jpg") && !names.contains { $0.hasSuffix(".heic") })
        for name in names where name != "index.html" {
            #expect(try PhotoFixtures.metadataTags(folder.appendingPathComponent(name)) == [], "\(name)")
        }
    }

    @Test func theSameInputBuildsTheSameBytesWithOrWithoutTheCache() throws {
        let sandbox = try HostileSandbox()
        try sandbox.addPhotoProfile(name: "Lê Văn Ảnh", photo: "xoay.jpg")
        _ = try sandbox.build()
        let first = try SiteBuildFixture.tree(sandbox.output)
        let cache = sandbox.site.appendingPathComponent(".guong-cache/photos", isDirectory: true)
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0 != "index" }.sorted()
        #expect(entries.count == 2, "one entry for the JPEG, one for the sample's SVG: \(entries)")
        let stamp = try FileManager.default.attributesOfItem(atPath: cache.appendingPathComponent(entries[0]).path)[.modificationDate] as? Date

        _ = try sandbox.build()
        #expect(SiteBuildFixture.differences(first, try SiteBuildFixture.tree(sandbox.output)) == [])
        let again = try FileManager.default.attributesOfItem(atPath: cache.appendingPathComponent(entries[0]).path)[.modificationDate] as? Date
        #expect(stamp == again, "an unchanged photo is not processed again")

        try FileManager.default.removeItem(at: sandbox.site.appendingPathComponent(".guong-cache"))
        _ = try sandbox.build()
        #expect(SiteBuildFixture.differences(first, try SiteBuildFixture.tree(sandbox.output)) == [])
    }

    @Test func aReplacedPhotoLeavesNoEntryBehind() throws {
        let sandbox = try HostileSandbox()
        try sandbox.addPhotoProfile(name: "Lê Văn Ảnh", photo: "xoay.jpg")
        _ = try sandbox.build()
        let cache = sandbox.site.appendingPathComponent(".guong-cache/photos", isDirectory: true)
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: cache.path))
        let photo = sandbox.profiles.appendingPathComponent("hostile/xoay.jpg")
        try FileManager.default.removeItem(at: photo)
        try FileManager.default.copyItem(at: PhotoFixtures.url("nho.png"), to: photo.deletingPathExtension().appendingPathExtension("png"))
        let profile = sandbox.profiles.appendingPathComponent("hostile/le-van-anh.md")
        try String(contentsOf: profile, encoding: .utf8).replacingOccurrences(of: "xoay.jpg", with: "xoay.png").write(to: profile, atomically: true, encoding: .utf8)
        _ = try sandbox.build()
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: cache.path))
        #expect(after.count == before.count)
        #expect(after != before)
    }
}
