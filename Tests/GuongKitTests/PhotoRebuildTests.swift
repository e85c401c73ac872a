import Foundation
import Testing
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport

/// A rebuild into the previous output tells unchanged photo files by `stat` alone; whatever changed in
/// between — the photo, the cache, the output's own files — it must give the output a clean build gives.
@Suite("Photos: a rebuild gives what a clean build gives")
struct PhotoRebuildTests {
    enum Change: String, CaseIterable, Sendable {
        /// Another picture written under the photo's name.
        case photoReplacedUnderTheSameName
        /// The profile names another photo.
        case profileNamesAnotherPhoto
        /// The profile's `ảnh:` line removed.
        case photoRemoved
        /// The photo's cache entry deleted (made again by the rebuild, with new files).
        case cacheEntryDeleted
        /// A published photo file replaced by hand with other bytes (a new file, as an editor saves).
        case publishedFileReplaced
        /// A published photo file deleted by hand.
        case publishedFileDeleted
        /// A published photo file written over in place with other bytes of the same size (on the cache's
        /// file system this writes the cache's file too, which docs/photos.md warns about: left out there).
        case publishedFileOverwrittenInPlace
    }

    /// Where the output goes: beside the cache (hard links) or on another file system (copies).
    enum Layout: String, CaseIterable, Sendable {
        case sameFileSystem, otherFileSystem
    }

    /// Every file of `folder` by relative path, with its bytes.
    static func tree(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for entry in FolderWalk.files(in: folder.path) {
            files[entry.path] = try Data(contentsOf: folder.appendingPathComponent(entry.path))
        }
        return files
    }

    static func build(_ sandbox: HostileSandbox, into output: URL) throws -> SiteBuilder.Report {
        var options = SiteBuilder.Options(siteRoot: sandbox.site)
        options.output = output
        return try SiteBuilder(options: options).build()
    }

    /// The cache entry holding `published`'s bytes as its `anh-480.jpg`.
    static func entry(_ sandbox: HostileSandbox, of published: URL) throws -> URL {
        let cache = sandbox.site.appendingPathComponent(".guong-cache/photos", isDirectory: true)
        let bytes = try Data(contentsOf: published)
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.path)
            .filter { FileManager.default.contents(atPath: cache.path + "/" + $0 + "/anh-480.jpg") == bytes }
        try #require(names.count == 1, "\(names)")
        return cache.appendingPathComponent(names[0], isDirectory: true)
    }

    /// Makes `change` to the site or to its output `output` after a build.
    static func make(_ change: Change, sandbox: HostileSandbox, profile: URL, output: URL) throws {
        let folder = profile.deletingLastPathComponent()
        let published = output.appendingPathComponent("dien-hinh/le-van-anh/anh-480.jpg")
        switch change {
        case .photoReplacedUnderTheSameName:
            let photo = folder.appendingPathComponent("anh.jpg")
            try FileManager.default.removeItem(at: photo)
            _ = try PhotoFixtures.run("vips", ["copy", PhotoFixtures.url("nho.png").path, photo.path])
        case .profileNamesAnotherPhoto:
            try FileManager.default.copyItem(at: PhotoFixtures.url("nho.png"), to: folder.appendingPathComponent("nho.png"))
            try String(contentsOf: profile, encoding: .utf8).replacingOccurrences(of: "anh.jpg", with: "nho.png")
                .write(to: profile, atomically: true, encoding: .utf8)
        case .photoRemoved:
            try String(contentsOf: profile, encoding: .utf8).replacingOccurrences(of: "ảnh: anh.jpg", with: "")
                .write(to: profile, atomically: true, encoding: .utf8)
        case .cacheEntryDeleted:
            try FileManager.default.removeItem(at: entry(sandbox, of: published))
        case .publishedFileReplaced:
            let size = try Data(contentsOf: published).count
            try FileManager.default.removeItem(at: published)
            try Data(repeating: 0x41, count: size).write(to: published)
        case .publishedFileDeleted:
            try FileManager.default.removeItem(at: published)
        case .publishedFileOverwrittenInPlace:
            let handle = try FileHandle(forWritingTo: published)
            try handle.write(contentsOf: Data(repeating: 0x42, count: 64))
            try handle.close()
        }
    }

    @Test(arguments: Change.allCases, Layout.allCases)
    func aRebuildAfterAChangeGivesWhatACleanBuildGives(_ change: Change, _ layout: Layout) throws {
        let other = PhotoPublishTests.otherFileSystem
        if layout == .otherFileSystem, other == nil { return }  // no second file system here: nothing to compare
        if layout == .sameFileSystem, change == .publishedFileOverwrittenInPlace { return }  // the cache's file itself
        let sandbox = try HostileSandbox()
        let profile = try sandbox.addPhotoProfile(name: "Lê Văn Ảnh", photo: "anh.jpg", from: "xoay.jpg")
        try sandbox.addPhotoProfile(name: "Trần Thị Hình", photo: "hinh.png", from: "nho.png")
        let scratch = layout == .sameFileSystem ? sandbox.root : other!.appendingPathComponent("guong-test-\(UUID().uuidString)")
        defer { if layout == .otherFileSystem { try? FileManager.default.removeItem(at: scratch) } }
        let output = scratch.appendingPathComponent("out-rebuilt", isDirectory: true)
        _ = try Self.build(sandbox, into: output)
        // Some time passes, as between two builds: a file made again is told apart by its time.
        usleep(20_000)
        try Self.make(change, sandbox: sandbox, profile: profile, output: output)
        let rebuilt = try Self.build(sandbox, into: output)
        let clean = scratch.appendingPathComponent("out-clean", isDirectory: true)
        _ = try Self.build(sandbox, into: clean)
        let (rebuiltTree, cleanTree) = (try Self.tree(output), try Self.tree(clean))
        #expect(rebuiltTree.keys.sorted() == cleanTree.keys.sorted(), "\(change), \(layout)")
        for (path, bytes) in cleanTree where rebuiltTree[path] != bytes {
            Issue.record("\(change), \(layout): \(path) differs from a clean build's")
        }
        // The cache made again holds the same bytes: nothing of the output changed, and none is reported.
        #expect(rebuilt.changes.text().isEmpty == (change == .cacheEntryDeleted), "\(change), \(layout): \(rebuilt.changes.text())")
        // And the next rebuild finds nothing to change.
        let again = try Self.build(sandbox, into: output)
        #expect(again.changes.text().isEmpty, "\(change), \(layout): \(again.changes.text())")
    }

    /// The lines of an entry's `info` after the first, split at spaces.
    static func fileLines(_ entry: URL) throws -> [[Substring]] {
        try String(contentsOf: entry.appendingPathComponent("info"), encoding: .utf8).split(separator: "\n").dropFirst().map { $0.split(separator: " ") }
    }

    @Test func anEntryKeepsEachFilesStampAndOneWithoutStampsGetsThemOnFirstUse() throws {
        let sandbox = try HostileSandbox()
        try sandbox.addPhotoProfile(name: "Lê Văn Ảnh", photo: "xoay.jpg")
        _ = try Self.build(sandbox, into: sandbox.output)
        let published = sandbox.output.appendingPathComponent("dien-hinh/le-van-anh/anh-480.jpg")
        let entry = try Self.entry(sandbox, of: published)
        var lines = try Self.fileLines(entry)
        #expect(lines.count == 7 && lines.allSatisfy { $0.count == 6 }, "\(lines)")
        for line in lines {
            let stamp = try PhotoPublishTests.stamp(entry.appendingPathComponent(String(line[0])))
            #expect(line[3...].joined(separator: " ") == "\(stamp.st_size) \(stamp.st_mtim.tv_sec) \(stamp.st_mtim.tv_nsec)", "\(line)")
        }
        // An entry as an older guong wrote it: names and sizes in pixels only.
        let info = entry.appendingPathComponent("info")
        let old = try String(contentsOf: info, encoding: .utf8).split(separator: "\n")
            .map { $0.split(separator: " ").prefix(3).joined(separator: " ") + "\n" }.joined()
        try old.write(to: info, atomically: true, encoding: .utf8)
        let before = try PhotoPublishTests.stamp(published)
        let rebuilt = try Self.build(sandbox, into: sandbox.output)
        #expect(rebuilt.changes.text().isEmpty, "\(rebuilt.changes.text())")
        #expect(try PhotoPublishTests.stamp(published).st_ino == before.st_ino)
        lines = try Self.fileLines(entry)
        #expect(lines.count == 7 && lines.allSatisfy { $0.count == 6 }, "stamped again: \(lines)")
    }

    @Test(arguments: Layout.allCases)
    func anUnchangedPhotoFileIsToldByTheOutputsStatAloneWithoutLookingAtTheCache(_ layout: Layout) throws {
        guard layout == .sameFileSystem || PhotoPublishTests.otherFileSystem != nil else { return }
        let sandbox = try HostileSandbox()
        try sandbox.addPhotoProfile(name: "Lê Văn Ảnh", photo: "xoay.jpg")
        // On the other file system, in a folder of its own, removed with the spare tree the rebuild leaves beside the output.
        let scratch = PhotoPublishTests.otherFileSystem?.appendingPathComponent("guong-test-\(UUID().uuidString)", isDirectory: true)
        let output = layout == .sameFileSystem ? sandbox.output : scratch!.appendingPathComponent("out", isDirectory: true)
        defer { if layout == .otherFileSystem, let scratch { try? FileManager.default.removeItem(at: scratch) } }
        _ = try Self.build(sandbox, into: output)
        let published = output.appendingPathComponent("dien-hinh/le-van-anh/anh-vuong.webp")
        let bytes = try Data(contentsOf: published)
        // The cache's file gone: a rebuild that looked at it would fail; one that trusts the stamp keeps the output's.
        try FileManager.default.removeItem(at: Self.entry(sandbox, of: output.appendingPathComponent("dien-hinh/le-van-anh/anh-480.jpg"))
            .appendingPathComponent("anh-vuong.webp"))
        let rebuilt = try Self.build(sandbox, into: output)
        #expect(rebuilt.changes.text().isEmpty, "\(rebuilt.changes.text())")
        #expect(try Data(contentsOf: published) == bytes)
    }
}
