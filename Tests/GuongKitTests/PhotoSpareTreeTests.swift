import Foundation
import Testing
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport

/// From the third build on, the staging folder starts as the spare tree (the build before last's output), and
/// a photo file there is kept when the live folder's listing gives it the live file's inode and its `stat` the
/// stamp of its cache entry (`LiveFolder`). Whatever changed — in the site, the cache, the live output or the
/// spare tree itself (docs/security.md T23) — a rebuild must give what a clean build gives.
@Suite("Photos: a rebuild from the spare tree gives what a clean build gives")
struct PhotoSpareTreeTests {
    enum SpareChange: String, CaseIterable, Sendable {
        /// A file with other bytes put in the spare tree in place of a photo file, given its size and the
        /// cache's modification time (what the stamp says): only its inode tells it from the live file.
        case plantedWithTheStamp
        /// A photo file deleted from the spare tree.
        case spareFileDeleted
        /// A photo file of the spare tree replaced by a symbolic link to the live file.
        case spareFileALink
        /// The profile's whole folder deleted from the spare tree.
        case spareFolderDeleted
        /// The profile's folder in the spare tree replaced by a symbolic link to the live site's folder: through
        /// it every file is the live file itself, with the live inode and the stamp.
        case spareFolderALink
    }

    static let published = "dien-hinh/le-van-anh/anh-480.jpg"

    static func spare(of output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).guong-spare", isDirectory: true)
    }

    static func make(_ change: SpareChange, output: URL) throws {
        let spare = Self.spare(of: output)
        let file = spare.appendingPathComponent(published)
        switch change {
        case .plantedWithTheStamp:
            let live = try PhotoPublishTests.stamp(output.appendingPathComponent(published))
            try FileManager.default.removeItem(at: file)
            try Data(repeating: 0x41, count: Int(live.st_size)).write(to: file)
            let times = [timespec(tv_sec: 0, tv_nsec: (1 << 30) - 2), live.st_mtim]  // UTIME_OMIT for the access time
            #expect(utimensat(AT_FDCWD, file.path, times, 0) == 0)
            let planted = try PhotoPublishTests.stamp(file)
            #expect(planted.st_size == live.st_size && planted.st_mtim.tv_nsec == live.st_mtim.tv_nsec && planted.st_ino != live.st_ino)
        case .spareFileDeleted:
            try FileManager.default.removeItem(at: file)
        case .spareFileALink:
            try FileManager.default.removeItem(at: file)
            try FileManager.default.createSymbolicLink(at: file, withDestinationURL: output.appendingPathComponent(published))
        case .spareFolderDeleted:
            try FileManager.default.removeItem(at: file.deletingLastPathComponent())
        case .spareFolderALink:
            let folder = file.deletingLastPathComponent()
            try FileManager.default.removeItem(at: folder)
            try FileManager.default.createSymbolicLink(at: folder, withDestinationURL: output.appendingPathComponent(published).deletingLastPathComponent())
        }
    }

    /// Builds the sandbox twice into `output` (the second build leaves the first's output as the spare tree),
    /// then waits a little, as between two builds.
    static func builtTwice(_ sandbox: HostileSandbox, into output: URL) throws {
        _ = try PhotoRebuildTests.build(sandbox, into: output)
        _ = try PhotoRebuildTests.build(sandbox, into: output)
        #expect(FileManager.default.fileExists(atPath: spare(of: output).appendingPathComponent(published).path))
        usleep(20_000)
    }

    /// The rebuilt output against a clean build of the same site, file by file, and the next rebuild changing nothing.
    static func expectClean(_ sandbox: HostileSandbox, rebuilt output: URL, scratch: URL, _ label: String) throws {
        let clean = scratch.appendingPathComponent("out-clean-\(UUID().uuidString)", isDirectory: true)
        _ = try PhotoRebuildTests.build(sandbox, into: clean)
        let (rebuiltTree, cleanTree) = (try PhotoRebuildTests.tree(output), try PhotoRebuildTests.tree(clean))
        #expect(rebuiltTree.keys.sorted() == cleanTree.keys.sorted(), "\(label)")
        for (path, bytes) in cleanTree where rebuiltTree[path] != bytes {
            Issue.record("\(label): \(path) differs from a clean build's")
        }
        #expect(FolderWalk.files(in: output.path).allSatisfy { !$0.isLink }, "\(label): no link published")
        let again = try PhotoRebuildTests.build(sandbox, into: output)
        #expect(again.changes.text().isEmpty, "\(label): \(again.changes.text())")
    }

    @Test(arguments: SpareChange.allCases, PhotoRebuildTests.Layout.allCases)
    func aSpareTreeTamperedWithNeverPublishesWrongBytes(_ change: SpareChange, _ layout: PhotoRebuildTests.Layout) throws {
        guard layout == .sameFileSystem || PhotoPublishTests.otherFileSystem != nil else { return }
        let sandbox = try HostileSandbox()
        try sandbox.addPhotoProfile(name: "Lê Văn Ảnh", photo: "anh.jpg", from: "xoay.jpg")
        let scratch = layout == .sameFileSystem ? sandbox.root : PhotoPublishTests.otherFileSystem!.appendingPathComponent("guong-test-\(UUID().uuidString)")
        defer { if layout == .otherFileSystem { try? FileManager.default.removeItem(at: scratch) } }
        let output = scratch.appendingPathComponent("out-rebuilt", isDirectory: true)
        try Self.builtTwice(sandbox, into: output)
        let before = try Data(contentsOf: output.appendingPathComponent(Self.published))
        try Self.make(change, output: output)
        let rebuilt = try PhotoRebuildTests.build(sandbox, into: output)
        // The live site was not touched: the rebuild reports no change, and the file keeps its bytes.
        #expect(rebuilt.changes.text().isEmpty, "\(change), \(layout): \(rebuilt.changes.text())")
        #expect(try Data(contentsOf: output.appendingPathComponent(Self.published)) == before, "\(change), \(layout)")
        try Self.expectClean(sandbox, rebuilt: output, scratch: scratch, "\(change), \(layout)")
    }

    /// A link where a folder of pages belongs (not a photo's): the pages seen through it are the live ones, and
    /// would be gone with the link when the stale entries are removed; the build is made again without the spare tree.
    @Test func aLinkInTheSpareTreeWhereAFolderOfPagesBelongsLosesNoPage() throws {
        let sandbox = try HostileSandbox()
        try sandbox.addPhotoProfile(name: "Lê Văn Ảnh", photo: "anh.jpg", from: "xoay.jpg")
        let output = sandbox.root.appendingPathComponent("out-rebuilt", isDirectory: true)
        try Self.builtTwice(sandbox, into: output)
        let folder = Self.spare(of: output).appendingPathComponent("tim-kiem", isDirectory: true)
        try #require(FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path))
        try FileManager.default.removeItem(at: folder)
        try FileManager.default.createSymbolicLink(at: folder, withDestinationURL: output.appendingPathComponent("tim-kiem"))
        let rebuilt = try PhotoRebuildTests.build(sandbox, into: output)
        #expect(rebuilt.changes.text().isEmpty, "\(rebuilt.changes.text())")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("tim-kiem/index.html").path))
        try Self.expectClean(sandbox, rebuilt: output, scratch: sandbox.root, "a folder of pages a link")
    }

    @Test(arguments: PhotoRebuildTests.Change.allCases, PhotoRebuildTests.Layout.allCases)
    func aRebuildFromTheSpareTreeAfterAChangeGivesWhatACleanBuildGives(_ change: PhotoRebuildTests.Change, _ layout: PhotoRebuildTests.Layout) throws {
        guard layout == .sameFileSystem || PhotoPublishTests.otherFileSystem != nil else { return }
        if layout == .sameFileSystem, change == .publishedFileOverwrittenInPlace { return }  // the cache's file itself
        let sandbox = try HostileSandbox()
        let profile = try sandbox.addPhotoProfile(name: "Lê Văn Ảnh", photo: "anh.jpg", from: "xoay.jpg")
        try sandbox.addPhotoProfile(name: "Trần Thị Hình", photo: "hinh.png", from: "nho.png")
        let scratch = layout == .sameFileSystem ? sandbox.root : PhotoPublishTests.otherFileSystem!.appendingPathComponent("guong-test-\(UUID().uuidString)")
        defer { if layout == .otherFileSystem { try? FileManager.default.removeItem(at: scratch) } }
        let output = scratch.appendingPathComponent("out-rebuilt", isDirectory: true)
        try Self.builtTwice(sandbox, into: output)
        try PhotoRebuildTests.make(change, sandbox: sandbox, profile: profile, output: output)
        _ = try PhotoRebuildTests.build(sandbox, into: output)
        try Self.expectClean(sandbox, rebuilt: output, scratch: scratch, "\(change), \(layout)")
    }

    @Test(arguments: PhotoRebuildTests.Layout.allCases)
    func anUnchangedRebuildFromTheSpareTreeKeepsEveryPhotoFileWithoutLookingAtTheCache(_ layout: PhotoRebuildTests.Layout) throws {
        guard layout == .sameFileSystem || PhotoPublishTests.otherFileSystem != nil else { return }
        let sandbox = try HostileSandbox()
        try sandbox.addPhotoProfile(name: "Lê Văn Ảnh", photo: "xoay.jpg")
        let output = layout == .sameFileSystem ? sandbox.output
            : PhotoPublishTests.otherFileSystem!.appendingPathComponent("guong-test-\(UUID().uuidString)", isDirectory: true)
        defer { if layout == .otherFileSystem { try? FileManager.default.removeItem(at: output); try? FileManager.default.removeItem(at: Self.spare(of: output)) } }
        try Self.builtTwice(sandbox, into: output)
        let folder = output.appendingPathComponent("dien-hinh/le-van-anh", isDirectory: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("anh") }.sorted()
        #expect(names.count == 7, "\(names)")
        let stamps = try names.map { try PhotoPublishTests.stamp(folder.appendingPathComponent($0)) }
        // The cache's files gone: a rebuild that looked at them would fail.
        let entry = try PhotoRebuildTests.entry(sandbox, of: output.appendingPathComponent(Self.published))
        for name in names { try FileManager.default.removeItem(at: entry.appendingPathComponent(name)) }
        let rebuilt = try PhotoRebuildTests.build(sandbox, into: output)
        #expect(rebuilt.changes.text().isEmpty, "\(rebuilt.changes.text())")
        for (name, before) in zip(names, stamps) {
            let after = try PhotoPublishTests.stamp(folder.appendingPathComponent(name))
            #expect(after.st_ino == before.st_ino && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec, "\(name) kept as it was")
        }
    }
}
