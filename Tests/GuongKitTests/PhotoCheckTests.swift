import Foundation
import Testing
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport

/// Hostile and broken photos are refused by `guong check` at the `photo:` line, quickly and in little memory.
@Suite("Photos: what the check refuses")
struct PhotoCheckTests {
    static let codesTested: Set<DiagnosticCode> = [.photoTooManyPixels, .photoCorrupt, .photoMetadataTooLarge, .photoSmall, .photoCacheUnwritable]

    /// Loads the sandbox's site with one more profile naming `photo`, and returns that profile's diagnostics.
    private func check(_ photo: String, from fixture: String? = nil, bytes: [UInt8]? = nil) throws -> (diagnostics: [Diagnostic], seconds: Double) {
        let sandbox = try HostileSandbox()
        try sandbox.addPhotoProfile(name: "Phan Văn Thử", photo: photo, from: fixture, bytes: bytes)
        let start = Date()
        let content = try sandbox.load()
        return (content.diagnostics.about("content/profiles/hostile/phan-van-thu.md"), Date().timeIntervalSince(start))
    }

    @Test(arguments: ["bom.png", "bom.jpg"])
    func aDecompressionBombIsRefusedFromItsHeader(_ name: String) throws {
        let (diagnostics, seconds) = try check(name)
        #expect(diagnostics.map(\.code) == [.photoTooManyPixels])
        #expect(diagnostics.first?.location.line == 8, "at the photo: line")
        #expect(diagnostics.first?.message.contains("50000×50000") == true)
        #expect(seconds < 5, "refused before decoding: \(seconds) s")
    }

    @Test func aTruncatedJPEGIsRefused() throws {
        let (diagnostics, _) = try check("cut.jpg")
        #expect(diagnostics.map(\.code) == [.photoCorrupt])
        #expect(diagnostics.first?.message.contains("bị hỏng hoặc bị cắt cụt") == true)
    }

    @Test func aJPEGWithGarbageForPixelsIsRefused() throws {
        var bytes = [UInt8](try Data(contentsOf: PhotoFixtures.url("xoay.jpg")))
        // Keep the headers, scramble the picture: markers appear where no decoder expects them.
        let scan = bytes.count / 3
        for index in scan..<bytes.count - 2 { bytes[index] = index % 7 == 0 ? 0xFF : UInt8(truncatingIfNeeded: index * 31) }
        let (diagnostics, _) = try check("hong.jpg", bytes: bytes)
        #expect(diagnostics.map(\.code) == [.photoCorrupt])
    }

    @Test func aPNGWithAnEnormousTextChunkIsRefusedBeforeLibvipsReadsIt() throws {
        let png = [UInt8](try Data(contentsOf: PhotoFixtures.url("nho.png")))
        let text = [UInt8]("Comment\u{0}".utf8) + [UInt8](repeating: 0x41, count: 3 * 1024 * 1024)
        let length = withUnsafeBytes(of: UInt32(text.count).bigEndian) { Array($0) }
        // After the 8-byte signature and the 25-byte IHDR chunk (its CRC is never looked at: we refuse first).
        let bytes = Array(png[0..<33]) + length + Array("tEXt".utf8) + text + [0, 0, 0, 0] + Array(png[33...])
        let (diagnostics, _) = try check("chu.png", bytes: bytes)
        #expect(diagnostics.map(\.code) == [.photoMetadataTooLarge])
        #expect(diagnostics.first?.message.contains("3072 KB") == true)
    }

    @Test func aFileWhoseNameSaysJPEGButHoldsAnotherPictureIsRefused() throws {
        let (diagnostics, _) = try check("gia.jpg", from: "nho.png")
        #expect(diagnostics.map(\.code) == [.photoType])
    }

    @Test func aSmallPhotoIsWarnedAboutAndPublished() throws {
        let (diagnostics, _) = try check("nho.png")
        #expect(diagnostics.map(\.code) == [.photoSmall])
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.message.contains("300 điểm ảnh") == true)
    }

    @Test func aPhoneSizedPhotoFitsTheLimitAndOneOver20MBDoesNot() throws {
        #expect(Limits().photoBytes == 20 * 1024 * 1024)
        let (diagnostics, _) = try check("lon.jpg", bytes: [0xFF, 0xD8, 0xFF] + [UInt8](repeating: 0, count: 21 * 1024 * 1024))
        #expect(diagnostics.map(\.code) == [.photoTooLarge])
    }

    @Test func aCacheThatCannotBeWrittenIsAnErrorNotASilentDrop() throws {
        let sandbox = try HostileSandbox()
        try sandbox.addPhotoProfile(name: "Phan Văn Thử", photo: "xoay.jpg")
        // A file where the cache's folder should be.
        try Data("không phải thư mục".utf8).write(to: sandbox.site.appendingPathComponent(".guong-cache"))
        let diagnostics = try sandbox.load().diagnostics
        #expect(diagnostics.codes == [.photoCacheUnwritable])
    }

    @Test func theSettingsKeepPhotosInBounds() {
        let settings = PhotoSettings()
        #expect(settings.maxPixels == 100_000_000)
        #expect(settings.widths(upTo: 4000) == [480, 960])
        #expect(settings.widths(upTo: 600) == [480, 600])
        #expect(settings.widths(upTo: 100) == [100])
        #expect(settings.jpegShrink(width: 4000, height: 3000) == 2)
        #expect(settings.jpegShrink(width: 12000, height: 9000) == 4)
        #expect(settings.jpegShrink(width: 800, height: 600) == 1)
    }

    @Test func webPMetadataChunksAreCutOut() {
        let vp8x: [UInt8] = Array("VP8X".utf8) + [10, 0, 0, 0] + [0x2C, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        let exif: [UInt8] = Array("EXIF".utf8) + [3, 0, 0, 0] + [1, 2, 3, 0]
        let picture: [UInt8] = Array("VP8 ".utf8) + [2, 0, 0, 0] + [9, 9]
        let body = Array("WEBP".utf8) + vp8x + exif + picture
        let file = Array("RIFF".utf8) + withUnsafeBytes(of: UInt32(body.count).littleEndian) { Array($0) } + body
        let stripped = WebPChunks.stripped(file)
        #expect(PhotoFixtures.metadataParts(stripped) == [])
        #expect(stripped.count == file.count - exif.count)
        #expect(Array(stripped[4..<8]) == withUnsafeBytes(of: UInt32(stripped.count - 8).littleEndian) { Array($0) })
    }
}
