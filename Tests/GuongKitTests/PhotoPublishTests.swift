import Foundation
import Testing
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport

/// A photo's published files come from the photo cache without being read: hard links on the cache's file
/// system, copies with the cache file's time elsewhere, and a rebuild knows them unchanged by `stat`.
@Suite("Photos: published from the cache")
struct PhotoPublishTests {
    /// A folder on another file system than the temporary folder (and so the sandbox's cache), if there is one.
    static let otherFileSystem: URL? = {
        let shm = URL(fileURLWithPath: "/dev/shm", isDirectory: true)
        var a = stat(), b = stat()
        guard stat(shm.path, &a) == 0, stat(FileManager.default.temporaryDirectory.path, &b) == 0, a.st_dev != b.st_dev else { return nil }
        return shm
    }()

    static func stamp(_ url: URL) throws -> stat {
        var info = stat()
        try #require(lstat(url.path, &info) == 0, "\(url.path)")
        return info
    }

    /// The sandbox with one photo, built into `output`: the report, the profile's folder and the cache's entry.
    static func build(_ sandbox: HostileSandbox, into output: URL) throws -> (SiteBuilder.Report, folder: URL, entry: URL) {
        var options = SiteBuilder.Options(siteRoot: sandbox.site)
        options.output = output
        let report = try SiteBuilder(options: options).build()
        let cache = sandbox.site.appendingPathComponent(".guong-cache/photos", isDirectory: true)
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache.path)
            .filter { FileManager.default.fileExists(atPath: cache.path + "/" + $0 + "/anh-vuong.jpg") }
        try #require(entries.count == 1, "\(entries)")
        return (report, output.appendingPathComponent("dien-hinh/le-van-anh", isDirectory: true), cache.appendingPathComponent(entries[0]))
    }

    @Test func onTheCachesFileSystemEveryPhotoFileIsAHardLinkToTheCachesAndARebuildKeepsIt() throws {
        let sandbox = try HostileSandbox()
        try sandbox.addPhotoProfile(name: "Lê Văn Ảnh", photo: "xoay.jpg")
        let (first, folder, entry) = try Self.build(sandbox, into: sandbox.output)
        #expect(first.changes.added.contains("dien-hinh/le-van-anh/anh-480.jpg"))
        let names = try FileManager.default.contentsOfDirectory(atPath: entry.path).filter { $0 != "info" }
        #expect(names.count == 7)
        for name in names {
            let published = try Self.stamp(folder.appendingPathComponent(name)), cached = try Self.stamp(entry.appendingPathComponent(name))
            #expect(published.st_ino == cached.st_ino && published.st_dev == cached.st_dev, "\(name)")
        }
        let before = try Self.stamp(folder.appendingPathComponent("anh-480.jpg"))
        let (again, _, _) = try Self.build(sandbox, into: sandbox.output)
        #expect(again.changes.added.isEmpty && again.changes.changed.isEmpty && again.changes.removed.isEmpty)
        let after = try Self.stamp(folder.appendingPathComponent("anh-480.jpg"))
        #expect(after.st_ino == before.st_ino && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
    }

    @Test(.enabled(if: otherFileSystem != nil, "needs /dev/shm on another file system than the temporary folder"))
    func onAnotherFileSystemEachIsACopyWithTheCacheFilesTimeAndARebuildKeepsIt() throws {
        let sandbox = try HostileSandbox()
        try sandbox.addPhotoProfile(name: "Lê Văn Ảnh", photo: "xoay.jpg")
        // In a folder of its own, removed with the spare tree the second build leaves beside the output.
        let scratch = Self.otherFileSystem!.appendingPathComponent("guong-test-\(UUID().uuidString)", isDirectory: true)
        let output = scratch.appendingPathComponent("out", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (_, folder, entry) = try Self.build(sandbox, into: output)
        for name in try FileManager.default.contentsOfDirectory(atPath: entry.path) where name != "info" {
            let published = try Self.stamp(folder.appendingPathComponent(name)), cached = try Self.stamp(entry.appendingPathComponent(name))
            #expect(published.st_dev != cached.st_dev)
            #expect(published.st_mtim.tv_sec == cached.st_mtim.tv_sec && published.st_mtim.tv_nsec == cached.st_mtim.tv_nsec, "\(name)")
            #expect(try Data(contentsOf: folder.appendingPathComponent(name)) == Data(contentsOf: entry.appendingPathComponent(name)))
        }
        let before = try Self.stamp(folder.appendingPathComponent("anh-vuong.webp"))
        let (again, _, _) = try Self.build(sandbox, into: output)
        #expect(again.changes.added.isEmpty && again.changes.changed.isEmpty && again.changes.removed.isEmpty)
        #expect(try Self.stamp(folder.appendingPathComponent("anh-vuong.webp")).st_ino == before.st_ino)
    }

    @Test func afterTheCacheIsRemadeARebuildFindsTheSameBytesKeepsTheOutputsDatesAndTellsByStatNextTime() throws {
        let sandbox = try HostileSandbox()
        try sandbox.addPhotoProfile(name: "Lê Văn Ảnh", photo: "xoay.jpg")
        let (_, folder, _) = try Self.build(sandbox, into: sandbox.output)
        let published = folder.appendingPathComponent("anh-480.jpg")
        let before = try Self.stamp(published)
        try FileManager.default.removeItem(at: sandbox.site.appendingPathComponent(".guong-cache"))
        let (remade, _, entry) = try Self.build(sandbox, into: sandbox.output)
        #expect(remade.changes.added.isEmpty && remade.changes.changed.isEmpty, "the same bytes: \(remade.changes.text())")
        let kept = try Self.stamp(published), cached = try Self.stamp(entry.appendingPathComponent("anh-480.jpg"))
        #expect(kept.st_ino == before.st_ino && kept.st_mtim.tv_nsec == before.st_mtim.tv_nsec, "the output's file keeps its date")
        #expect(cached.st_ino != kept.st_ino)
        #expect(cached.st_mtim.tv_sec == kept.st_mtim.tv_sec && cached.st_mtim.tv_nsec == kept.st_mtim.tv_nsec,
                "the cache's new file takes the output's time, so the next rebuild needs no read")
    }

    /// The restamped files' new times are written into the entry's `info`, and a profile the parse cache kept
    /// with the old `info` is read again: the next rebuild tells every photo file by `stat` alone, so it never
    /// looks at the cache's files (one removed here: a rebuild that looked at it would fail). Before, the stamps
    /// stayed those of the files as made, and every rebuild after a remade cache went the long way.
    @Test(arguments: [false, true])
    func afterTheCacheIsRemadeTheEntrysStampsFollowItsFilesAndRebuildsNeedNotLookAtThem(_ throughTheParseCache: Bool) throws {
        let sandbox = try HostileSandbox()
        try sandbox.addPhotoProfile(name: "Lê Văn Ảnh", photo: "xoay.jpg")
        _ = try Self.build(sandbox, into: sandbox.output)
        try FileManager.default.removeItem(at: sandbox.site.appendingPathComponent(".guong-cache"))
        let (_, folder, entry) = try Self.build(sandbox, into: sandbox.output)
        let info = try #require(PreparedPhoto(info: Array(try Data(contentsOf: entry.appendingPathComponent("info"))), folder: entry))
        for file in info.files {
            #expect(try file.stamp == PreparedPhoto.Stamp(Self.stamp(entry.appendingPathComponent(file.name))), "\(file.name)")
        }
        if !throughTheParseCache {
            try FileManager.default.removeItem(at: sandbox.site.appendingPathComponent(".guong-cache/parses"))
        }
        let published = try Data(contentsOf: folder.appendingPathComponent("anh-480.webp"))
        try FileManager.default.removeItem(at: entry.appendingPathComponent("anh-480.webp"))
        let (rebuilt, _, _) = try Self.build(sandbox, into: sandbox.output)
        #expect(rebuilt.changes.text().isEmpty, "\(rebuilt.changes.text())")
        #expect(try Data(contentsOf: folder.appendingPathComponent("anh-480.webp")) == published)
    }

    @Test func aPreviousPhotoFileWithOtherBytesOfTheSameSizeIsReportedChangedAndReplaced() throws {
        let sandbox = try HostileSandbox()
        try sandbox.addPhotoProfile(name: "Lê Văn Ảnh", photo: "xoay.jpg")
        let (_, folder, entry) = try Self.build(sandbox, into: sandbox.output)
        let published = folder.appendingPathComponent("anh-480.webp")
        let size = try Data(contentsOf: published).count
        // A new file (not the cache's) of the same size, other bytes and another time, as a tampered output has.
        try FileManager.default.removeItem(at: published)
        try Data(repeating: 0x41, count: size).write(to: published)
        let (rebuilt, _, _) = try Self.build(sandbox, into: sandbox.output)
        #expect(rebuilt.changes.changed == ["dien-hinh/le-van-anh/anh-480.webp"])
        #expect(try Data(contentsOf: published) == Data(contentsOf: entry.appendingPathComponent("anh-480.webp")))
        #expect(try Self.stamp(published).st_ino == Self.stamp(entry.appendingPathComponent("anh-480.webp")).st_ino)
    }

    @Test func aChangedPhotoReplacesEveryPublishedFileAndLeavesTheOldOnesUntouched() throws {
        let sandbox = try HostileSandbox()
        let profile = try sandbox.addPhotoProfile(name: "Lê Văn Ảnh", photo: "xoay.jpg")
        let (_, folder, oldEntry) = try Self.build(sandbox, into: sandbox.output)
        let old = try Data(contentsOf: folder.appendingPathComponent("anh-vuong.jpg"))
        let kept = sandbox.root.appendingPathComponent("kept-anh-vuong.jpg")
        try FileManager.default.linkItem(at: oldEntry.appendingPathComponent("anh-vuong.jpg"), to: kept)
        try FileManager.default.copyItem(at: PhotoFixtures.url("nho.png"), to: profile.deletingLastPathComponent().appendingPathComponent("nho.png"))
        try String(contentsOf: profile, encoding: .utf8).replacingOccurrences(of: "xoay.jpg", with: "nho.png")
            .write(to: profile, atomically: true, encoding: .utf8)
        let (rebuilt, _, entry) = try Self.build(sandbox, into: sandbox.output)
        #expect(entry != oldEntry)
        #expect(rebuilt.changes.changed.contains("dien-hinh/le-van-anh/anh-vuong.jpg"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("anh-vuong.jpg")) == Data(contentsOf: entry.appendingPathComponent("anh-vuong.jpg")))
        #expect(try Data(contentsOf: kept) == old, "the old cache file, shared with the old output, was not written over")
    }

    @Test func aSymbolicLinkPlantedInTheCacheIsNeverPublishedNorFollowed() throws {
        let sandbox = try HostileSandbox()
        try sandbox.addPhotoProfile(name: "Lê Văn Ảnh", photo: "xoay.jpg")
        let (_, _, entry) = try Self.build(sandbox, into: sandbox.output)
        let planted = entry.appendingPathComponent("anh-480.jpg")
        try FileManager.default.removeItem(at: planted)
        try FileManager.default.createSymbolicLink(at: planted, withDestinationURL: sandbox.outside.appendingPathComponent("secret.txt"))
        let output = sandbox.root.appendingPathComponent("out-2", isDirectory: true)
        #expect(throws: SiteBuilder.Failure.self) { try Self.build(sandbox, into: output) }
        #expect(!FileManager.default.fileExists(atPath: output.path), "nothing half-written")
        #expect(try Data(contentsOf: sandbox.output.appendingPathComponent("dien-hinh/le-van-anh/anh-480.jpg")).starts(with: [0xFF, 0xD8]))
    }
}
