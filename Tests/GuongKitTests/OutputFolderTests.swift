import Foundation
import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

/// `OutputFolder`: which folders it may replace, and the staged write-then-swap.
@Suite("OutputFolder")
struct OutputFolderTests {
    /// A temporary site folder (with content/ and theme/) and a place for outputs beside it.
    struct Sandbox {
        let root: URL
        var site: URL { root.appendingPathComponent("site", isDirectory: true) }
        init() throws {
            root = try SiteBuildFixture.temporaryFolder()
            for folder in ["site/content/profiles", "site/theme"] {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
        }
        func remove() { try? FileManager.default.removeItem(at: root) }
        func url(_ path: String) -> URL { root.appendingPathComponent(path, isDirectory: true) }
        func write(_ text: String, to path: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        func names(in path: String) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: url(path).path).sorted()
        }
    }

    func problem(target: URL, site: URL) -> OutputFolder.Problem? {
        do {
            _ = try OutputFolder(target: target, siteRoot: site)
            return nil
        } catch {
            return error
        }
    }

    @Test("accepts a folder that does not exist yet, and stages beside it under a hidden name")
    func newFolder() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let folder = try OutputFolder(target: box.url("public"), siteRoot: box.site)
        #expect(folder.target.path == box.url("public").path)
        #expect(folder.staging.deletingLastPathComponent().path == box.root.path)
        #expect(folder.staging.lastPathComponent.hasPrefix(".public.guong-new-"))
    }

    @Test("accepts an empty folder and a folder it made")
    func emptyOrMarked() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try FileManager.default.createDirectory(at: box.url("empty"), withIntermediateDirectories: true)
        #expect(problem(target: box.url("empty"), site: box.site) == nil)
        try box.write("x", to: "ours/index.html")
        try box.write("", to: "ours/\(OutputFolder.markerName)")
        #expect(problem(target: box.url("ours"), site: box.site) == nil)
    }

    @Test("refuses a non-empty folder without the marker")
    func foreign() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("portal", to: "portal/index.html")
        #expect(problem(target: box.url("portal"), site: box.site) == .foreign(path: box.url("portal").path))
        // A hidden file alone is content too.
        try box.write("x", to: "hidden/.htaccess")
        #expect(problem(target: box.url("hidden"), site: box.site) == .foreign(path: box.url("hidden").path))
    }

    @Test("refuses a file")
    func file() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("x", to: "public")
        #expect(problem(target: box.url("public"), site: box.site) == .notAFolder(path: box.url("public").path))
    }

    @Test("refuses the site, its sources, what holds them, the root and home",
          arguments: ["site", "site/content", "site/theme", "site/content/profiles", "site/theme/assets", "", "site/../site/content"])
    func protected(relative: String) throws {
        let box = try Sandbox()
        defer { box.remove() }
        let target = relative.isEmpty ? box.root : box.url(relative)
        guard case .protected = problem(target: target, site: box.site) else {
            Issue.record("\(relative) was not refused")
            return
        }
    }

    @Test("refuses / and the home folder")
    func rootAndHome() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let home = FileManager.default.homeDirectoryForCurrentUser
        for target in [URL(fileURLWithPath: "/"), home] {
            guard case .protected = problem(target: target, site: box.site) else {
                Issue.record("\(target.path) was not refused")
                continue
            }
        }
    }

    @Test("refuses a symbolic link that leads into content/")
    func symlinkIntoContent() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try FileManager.default.createSymbolicLink(at: box.url("sneaky"), withDestinationURL: box.site.appendingPathComponent("content"))
        guard case .protected = problem(target: box.url("sneaky"), site: box.site) else {
            Issue.record("a link to content/ was accepted")
            return
        }
    }

    @Test("stages, marks and swaps in the new site whole, leaving no stale files and nothing beside it")
    func commit() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("old", to: "public/stale.html")
        try box.write("", to: "public/\(OutputFolder.markerName)")
        let folder = try OutputFolder(target: box.url("public"), siteRoot: box.site)
        try folder.prepare()
        try folder.write(OutputFile(path: "nam/2022/index.html", contents: Data("mới".utf8)))
        try folder.write(OutputFile(path: "index.html", contents: Data("trang chủ".utf8)))
        // Until the swap, the old site is what readers see.
        #expect(try box.names(in: "public") == [OutputFolder.markerName, "stale.html"])
        try folder.commit()
        let tree = try SiteBuildFixture.tree(box.url("public"))
        #expect(tree.keys.sorted() == [OutputFolder.markerName, "index.html", "nam/2022/index.html"])
        #expect(tree["nam/2022/index.html"] == Data("mới".utf8))
        #expect(tree[OutputFolder.markerName] == Data(OutputFolder.markerText.utf8))
        // The old site is kept beside it as the spare tree, the next build's staging folder, and only that.
        #expect(try box.names(in: "") == [".public.guong-spare", "public", "site"])
        #expect(try SiteBuildFixture.tree(box.url(".public.guong-spare")).keys.sorted() == [OutputFolder.markerName, "stale.html"])
    }

    @Test("swaps into place when there was no previous output")
    func commitFresh() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let folder = try OutputFolder(target: box.url("out/public"), siteRoot: box.site)
        try folder.prepare()
        try folder.write(OutputFile(path: "index.html", contents: Data("x".utf8)))
        try folder.commit()
        #expect(try box.names(in: "out/public") == [OutputFolder.markerName, "index.html"])
        #expect(try box.names(in: "out") == ["public"])
    }

    @Test("discard removes the staging folder and leaves the old site untouched")
    func discard() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("old", to: "public/index.html")
        try box.write("", to: "public/\(OutputFolder.markerName)")
        let before = try SiteBuildFixture.tree(box.url("public"))
        let folder = try OutputFolder(target: box.url("public"), siteRoot: box.site)
        try folder.prepare()
        try folder.write(OutputFile(path: "index.html", contents: Data("new".utf8)))
        folder.discard()
        #expect(try SiteBuildFixture.tree(box.url("public")) == before)
        #expect(try box.names(in: "") == ["public", "site"])
    }
}
