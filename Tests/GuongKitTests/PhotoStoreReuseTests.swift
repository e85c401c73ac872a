import Foundation
import Testing
@testable import GuongKit
import GuongTestSupport

/// What a rebuild asks of the photo cache for a profile the parse cache kept: that its entry is still there
/// (one `lstat` of its `info` when the photo carries its files' stamps), and the entry's `info` read back.
@Suite("Photos: a kept profile's photo and its cache entry")
struct PhotoStoreReuseTests {
    /// A store in a fresh folder, and the fixture `xoay.jpg` prepared through it.
    static func prepared() throws -> (PhotoStore, PreparedPhoto, URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("guong-photo-store-\(UUID().uuidString)", isDirectory: true)
        let store = PhotoStore(folder: root.appendingPathComponent("photos", isDirectory: true))
        guard case .success(let photo) = store.prepare(PhotoFixtures.url("xoay.jpg"), format: .jpeg) else { throw TestFailure("not prepared") }
        store.finish(removingUnused: true)
        return (store, photo, root)
    }

    @Test func aStampedPhotoIsKeptByItsEntrysPresenceAndTheEntryIsNotCleanedAway() throws {
        let (first, photo, root) = try Self.prepared()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(photo.files.count == 7 && photo.files.allSatisfy { $0.stamp != nil }, "480 and 600 in two encodings, the square in two, the share image")
        // A later run (a new store) that takes the profile from the parse cache: the photo as it was kept.
        let store = PhotoStore(folder: first.folder)
        #expect(store.stillHolds(photo) == photo)
        store.finish(removingUnused: true)
        #expect(FileManager.default.fileExists(atPath: photo.folderPath + "/info"), "marked used, so not cleaned")
        // Not marked used: the entry goes when the run prepared every photo of the site.
        PhotoStore(folder: first.folder).finish(removingUnused: true)
        #expect(!FileManager.default.fileExists(atPath: photo.folderPath))
        #expect(PhotoStore(folder: first.folder).stillHolds(photo) == nil, "an entry deleted: the profile is read again")
    }

    @Test func otherSettingsNeverTakeAnEntryMadeUnderTheOldOnesNeitherThroughTheIndexNorFromTheParseCache() throws {
        let (first, photo, root) = try Self.prepared()
        defer { try? FileManager.default.removeItem(at: root) }
        var settings = PhotoSettings()
        settings.widths = [200]
        // The index says which entry this file went into; that entry holds the old widths.
        let store = PhotoStore(folder: first.folder, settings: settings)
        guard case .success(let remade) = store.prepare(PhotoFixtures.url("xoay.jpg"), format: .jpeg) else { throw TestFailure("not prepared") }
        #expect(remade.folderPath != photo.folderPath)
        #expect(remade.sizes("jpg").map(\.name) == ["anh-200.jpg"])
        #expect(store.stillHolds(photo) == nil, "a profile the parse cache kept with the old entry is read again")
        #expect(store.stillHolds(remade) == remade)
        // And the same settings again take their own entry, by the index.
        #expect(PhotoStore(folder: first.folder).stillHolds(photo) == photo)
    }

    @Test func aPhotoWithoutStampsIsReadFromTheEntrysInfo() throws {
        let (first, photo, root) = try Self.prepared()
        defer { try? FileManager.default.removeItem(at: root) }
        var unstamped = photo
        for index in unstamped.files.indices { unstamped.files[index].stamp = nil }
        #expect(PhotoStore(folder: first.folder).stillHolds(unstamped) == photo, "the stamps come from `info`")
    }

    @Test func aPhotoOfAnotherCacheOrAnInfoThatIsNotAFileIsNotHeld() throws {
        let (first, photo, root) = try Self.prepared()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(PhotoStore(folder: root.appendingPathComponent("other", isDirectory: true)).stillHolds(photo) == nil)
        #expect(PhotoStore(folder: nil).stillHolds(photo) == nil)
        let info = URL(fileURLWithPath: photo.folderPath + "/info")
        try FileManager.default.removeItem(at: info)
        try FileManager.default.createSymbolicLink(at: info, withDestinationURL: root)
        #expect(PhotoStore(folder: first.folder).stillHolds(photo) == nil, "a link in its place is not followed")
    }

    @Test func infoIsReadBackAsWritten() throws {
        let (_, photo, root) = try Self.prepared()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = URL(fileURLWithPath: photo.folderPath, isDirectory: true)
        #expect(PreparedPhoto(info: Array(photo.info.utf8), folder: folder) == photo)
        var unstamped = photo
        for index in unstamped.files.indices { unstamped.files[index].stamp = nil }
        #expect(PreparedPhoto(info: Array(unstamped.info.utf8), folder: folder) == unstamped)
        // Blank lines and doubled spaces are no fields.
        let spaced = "\n40  30 raster\n\nanh-160.jpg 160 120\n"
        #expect(PreparedPhoto(info: Array(spaced.utf8), folder: folder)?.files.map(\.name) == ["anh-160.jpg"])
        for broken in ["", "40 30\n", "40 x raster\n", "40 30 raster\nanh.jpg 1 2 3\n", "40 30 raster\n../x.jpg 1 2\n",
                       "40 30 raster\nanh.jpg 1 2 3 4 5 6\n", "40 30 raster\nanh.jpg 1 2 3 4 1234567890\n"] {
            #expect(PreparedPhoto(info: Array(broken.utf8), folder: folder) == nil, "\(broken)")
        }
    }

    @Test func theWidthsOfOneEncodingAreItsNumberedFilesNarrowestFirst() throws {
        let (_, photo, root) = try Self.prepared()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(photo.sizes("jpg").map(\.name) == ["anh-480.jpg", "anh-600.jpg"], "the fixture is 600 pixels wide")
        #expect(photo.sizes("webp").map(\.name) == ["anh-480.webp", "anh-600.webp"])
        var odd = photo
        odd.files = [.init(name: "anh-.jpg", width: 1, height: 1), .init(name: "anh-2x.jpg", width: 2, height: 2),
                     .init(name: "anh-1.jpgx", width: 3, height: 3), .init(name: "anh-7.jpg", width: 7, height: 7),
                     .init(name: "bnh-1.jpg", width: 4, height: 4), .init(name: "anh-5.webp", width: 5, height: 5)]
        #expect(odd.sizes("jpg").map(\.name) == ["anh-2x.jpg", "anh-7.jpg"])
    }
}
